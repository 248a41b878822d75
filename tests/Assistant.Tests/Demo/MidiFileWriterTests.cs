using Mixwright.Assistant.Demo;

namespace Mixwright.Assistant.Tests.Demo;

public class MidiFileWriterTests
{
    private static TestMidiFile WriteAndParse(IReadOnlyList<MidiTrack> tracks, double bpm = 100, int ticksPerQuarter = 480, long endTick = 0)
    {
        using var stream = new MemoryStream();
        MidiFileWriter.Write(stream, tracks, bpm, ticksPerQuarter, endTick);
        return TestMidiFile.Parse(stream.ToArray());
    }

    [Fact]
    public void Header_declares_format_1_with_a_tempo_track_plus_one_track_per_part()
    {
        var piano = new MidiTrack("Piano", 0, GeneralMidi.AcousticGrandPiano, [new MidiNote(0, 480, 60, 100)]);
        var drums = new MidiTrack("Kick", MidiTrack.DrumChannel, GeneralMidi.StandardDrumKit, [new MidiNote(0, 120, GeneralMidi.KickDrum, 110)]);

        var file = WriteAndParse([piano, drums], ticksPerQuarter: 960);

        Assert.Equal(1, file.Format);
        Assert.Equal(960, file.TicksPerQuarterNote);
        Assert.Equal(3, file.Tracks.Count);
    }

    [Fact]
    public void Tempo_track_holds_microseconds_per_quarter_note()
    {
        var file = WriteAndParse([], bpm: 100);

        var tempo = Assert.Single(file.Tracks[0], e => e.IsMeta(0x51));
        int microseconds = (tempo.Data[1] << 16) | (tempo.Data[2] << 8) | tempo.Data[3];
        Assert.Equal(600_000, microseconds);
        Assert.Equal(0, tempo.Tick);
    }

    [Fact]
    public void Notes_come_back_at_their_ticks_through_one_to_four_byte_delta_times()
    {
        // Starts chosen at the edges of each VLQ length: 127 (1 byte), 128 and 16383 (2), 16384 (3), 2097152 (4).
        long[] starts = [0, 127, 128, 16_383, 16_384, 2_097_152];
        var notes = starts.Select((s, i) => new MidiNote(s, 1, 60 + i, 90)).ToList();

        var file = WriteAndParse([new MidiTrack("Lead", 3, GeneralMidi.ChoirAahs, notes)]);

        var track = file.Tracks[1];
        Assert.Equal(starts, track.Where(e => e.IsNoteOn).Select(e => e.Tick).Order());
        Assert.Equal(starts.Select(s => s + 1), track.Where(e => e.IsNoteOff).Select(e => e.Tick).Order());
        Assert.All(track.Where(e => e.IsNoteOn), e => Assert.Equal(3, e.Channel));
    }

    [Fact]
    public void Each_track_names_itself_and_sets_its_program_before_its_first_note()
    {
        var bass = new MidiTrack("Bass", 0, GeneralMidi.FingeredBass, [new MidiNote(0, 240, 45, 96), new MidiNote(240, 240, 52, 84)]);

        var track = WriteAndParse([bass]).Tracks[1];

        var name = Assert.Single(track, e => e.IsMeta(0x03));
        Assert.Equal("Bass", System.Text.Encoding.UTF8.GetString(name.Data, 1, name.Data.Length - 1));
        int programIndex = track.FindIndex(e => e.Kind == 0xC0);
        Assert.Equal(GeneralMidi.FingeredBass, track[programIndex].Data[0]);
        Assert.True(programIndex < track.FindIndex(e => e.IsNoteOn));
        Assert.Equal(2, track.Count(e => e.IsNoteOn));
        Assert.Equal(2, track.Count(e => e.IsNoteOff));
        Assert.Equal([96, 84], track.Where(e => e.IsNoteOn).Select(e => (int)e.Data[1]));
    }

    [Fact]
    public void Drum_track_plays_on_general_midi_channel_10()
    {
        var hats = new MidiTrack("Hats", MidiTrack.DrumChannel, GeneralMidi.StandardDrumKit,
            [.. Enumerable.Range(0, 8).Select(i => new MidiNote(i * 240L, 120, GeneralMidi.ClosedHiHat, 70))]);

        var track = WriteAndParse([hats]).Tracks[1];

        Assert.Equal(8, track.Count(e => e.IsNoteOn));
        Assert.All(track.Where(e => e.IsNoteOn || e.IsNoteOff || e.Kind == 0xC0), e => Assert.Equal(0x09, e.Channel));
        Assert.All(track.Where(e => e.IsNoteOn), e => Assert.Equal(42, e.Data[0]));
    }

    [Fact]
    public void End_tick_makes_every_track_end_together()
    {
        var shortPart = new MidiTrack("Kick", MidiTrack.DrumChannel, 0, [new MidiNote(0, 100, 36, 100)]);
        var longPart = new MidiTrack("Pad", 2, GeneralMidi.WarmPad, [new MidiNote(0, 3000, 57, 60)]);

        var file = WriteAndParse([shortPart, longPart], endTick: 7680);

        Assert.All(file.Tracks, t => Assert.Equal(7680, t[^1].Tick));
    }

    [Fact]
    public void Without_an_end_tick_tracks_end_at_the_last_note_off_of_the_file()
    {
        var file = WriteAndParse([new MidiTrack("Pad", 2, GeneralMidi.WarmPad, [new MidiNote(480, 1000, 57, 60)])]);

        Assert.All(file.Tracks, t => Assert.Equal(1480, t[^1].Tick));
    }

    [Fact]
    public void A_key_struck_again_while_held_is_released_first_so_it_sounds_twice()
    {
        var ringing = new MidiTrack("Koto", 4, GeneralMidi.Koto, [new MidiNote(0, 960, 69, 80), new MidiNote(480, 960, 69, 90)]);

        var events = WriteAndParse([ringing]).Tracks[1].Where(e => e.IsNoteOn || e.IsNoteOff).ToList();

        Assert.Equal([(0L, true), (480L, false), (480L, true), (1440L, false)], events.Select(e => (e.Tick, e.IsNoteOn)));
    }

    [Fact]
    public void Bad_values_are_refused_naming_the_parameter()
    {
        Assert.Equal("velocity", Assert.Throws<ArgumentOutOfRangeException>(() => new MidiNote(0, 10, 60, 0)).ParamName);
        Assert.Equal("key", Assert.Throws<ArgumentOutOfRangeException>(() => new MidiNote(0, 10, 128, 64)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentOutOfRangeException>(() => new MidiTrack("x", 16, 0, [])).ParamName);
        Assert.Equal("beatsPerMinute",
            Assert.Throws<ArgumentOutOfRangeException>(() => MidiFileWriter.Write(Stream.Null, [], 0)).ParamName);
        Assert.Equal("ticksPerQuarterNote",
            Assert.Throws<ArgumentOutOfRangeException>(() => MidiFileWriter.Write(Stream.Null, [], 120, 0x8000)).ParamName);
    }
}
