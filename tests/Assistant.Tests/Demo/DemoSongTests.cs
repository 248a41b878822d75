using Mixwright.Assistant.Demo;

namespace Mixwright.Assistant.Tests.Demo;

public class DemoSongTests
{
    private static readonly DemoSong Song = DemoSong.Compose(seed: 1);

    private static MidiTrack Part(DemoSong song, string name) => song.Stems.Single(s => s.Name == name).Track;

    private static DemoSection Section(DemoSectionKind kind) => Song.Sections.Single(s => s.Kind == kind);

    private static IEnumerable<MidiNote> In(MidiTrack track, DemoSection section) =>
        track.Notes.Where(n => DemoSong.SecondsAt(n.StartTick) >= section.StartSeconds - 0.05
                            && DemoSong.SecondsAt(n.StartTick) < section.EndSeconds - 0.05);

    [Fact]
    public void Has_the_stems_people_would_name_each_with_its_own_general_midi_sound()
    {
        Assert.Equal(["Kick.wav", "Snare.wav", "Hats.wav", "Bass.wav", "Piano.wav", "Pad.wav", "Lead Vocal.wav", "Koto.wav"],
            Song.Stems.Select(s => s.FileName));
        Assert.Equal(GeneralMidi.FingeredBass, Part(Song, "Bass").Program);
        Assert.Equal(GeneralMidi.ChoirAahs, Part(Song, "Lead Vocal").Program);
        Assert.Equal(GeneralMidi.Koto, Part(Song, "Koto").Program);
        var melodicChannels = Song.Stems.Where(s => !s.Track.IsDrums).Select(s => s.Track.Channel).ToList();
        Assert.DoesNotContain(MidiTrack.DrumChannel, melodicChannels);
        Assert.All(Song.Stems, s => Assert.NotEmpty(s.Track.Notes));
    }

    [Fact]
    public void Drums_are_split_by_drum_on_channel_10()
    {
        Assert.All(Part(Song, "Kick").Notes, n => Assert.Equal(36, n.Key));
        Assert.All(Part(Song, "Snare").Notes, n => Assert.Equal(38, n.Key));
        Assert.All(Part(Song, "Hats").Notes, n => Assert.Contains(n.Key, new[] { 42, 46 }));
        Assert.All(Song.Stems.Take(3), s => Assert.True(s.Track.IsDrums));
    }

    [Fact]
    public void Runs_between_30_and_60_seconds_through_intro_verse_chorus_and_ending()
    {
        Assert.InRange(Song.DurationSeconds, 30, 60);
        Assert.Equal([DemoSectionKind.Intro, DemoSectionKind.Verse, DemoSectionKind.Chorus, DemoSectionKind.Ending],
            Song.Sections.Select(s => s.Kind));
        Assert.Equal(Song.DurationSeconds, Song.Sections[^1].EndSeconds, 6);
        // 100 BPM in 4/4 is 2.4 s a bar.
        Assert.All(Song.Sections, s => Assert.Equal(s.Bars * 2.4, s.EndSeconds - s.StartSeconds, 6));
    }

    [Fact]
    public void Chorus_is_played_harder_than_the_verse_by_every_part_that_plays_both()
    {
        // Medians, because the chorus also adds soft ghost notes on the snare.
        int checkedParts = 0;
        foreach (var stem in Song.Stems)
        {
            var verse = In(stem.Track, Section(DemoSectionKind.Verse)).Select(n => n.Velocity).Order().ToList();
            var chorus = In(stem.Track, Section(DemoSectionKind.Chorus)).Select(n => n.Velocity).Order().ToList();
            if (verse.Count == 0 || chorus.Count == 0) continue;
            Assert.True(chorus[chorus.Count / 2] > verse[verse.Count / 2] + 8,
                $"{stem.Name}: chorus median {chorus[chorus.Count / 2]} vs verse {verse[verse.Count / 2]}");
            checkedParts++;
        }
        Assert.Equal(Song.Stems.Count, checkedParts);
    }

    [Fact]
    public void Bass_lands_on_a_note_of_the_pianos_chord_on_every_downbeat()
    {
        var piano = Part(Song, "Piano").Notes;
        int checkedBars = 0;
        foreach (var bass in Part(Song, "Bass").Notes.Where(n => Math.Abs(n.StartTick - Nearest(n.StartTick, 1920)) < 30))
        {
            long bar = Nearest(bass.StartTick, 1920);
            var chord = piano.Where(p => Math.Abs(p.StartTick - bar) < 30).Select(p => p.Key % 12).ToHashSet();
            Assert.Contains(bass.Key % 12, chord);
            checkedBars++;
        }
        Assert.True(checkedBars >= 16, $"only {checkedBars} downbeats checked");
    }

    [Fact]
    public void Lead_sings_higher_in_the_chorus_and_stays_in_a_voice_range()
    {
        var lead = Part(Song, "Lead Vocal");
        double verse = In(lead, Section(DemoSectionKind.Verse)).Average(n => n.Key);
        double chorus = In(lead, Section(DemoSectionKind.Chorus)).Average(n => n.Key);
        Assert.True(chorus > verse + 3, $"chorus {chorus:F1} vs verse {verse:F1}");
        Assert.All(lead.Notes, n => Assert.InRange(n.Key, 55, 79));
    }

    [Fact]
    public void Playing_is_humanised_off_the_grid_and_in_touch()
    {
        foreach (var stem in Song.Stems)
        {
            var notes = stem.Track.Notes;
            Assert.True(notes.Count(n => n.StartTick % 120 != 0) > notes.Count / 3, $"{stem.Name} sits on the grid");
            Assert.True(notes.Select(n => n.Velocity).Distinct().Count() >= 5, $"{stem.Name} has flat velocities");
        }
    }

    [Fact]
    public void The_same_seed_writes_the_same_files_and_another_seed_a_different_performance()
    {
        var again = DemoSong.Compose(seed: 1);
        var other = DemoSong.Compose(seed: 2);

        foreach (var stem in Song.Stems)
            Assert.Equal(Midi(Song, stem.Name), Midi(again, stem.Name));
        Assert.NotEqual(Midi(Song, "Lead Vocal"), Midi(other, "Lead Vocal"));
        Assert.Equal(Song.LengthTicks, other.LengthTicks);
    }

    [Fact]
    public void Each_stems_midi_file_ends_at_the_end_of_the_song()
    {
        string path = Path.Combine(Path.GetTempPath(), $"mixwright-demo-song-{Guid.NewGuid():N}.mid");
        try
        {
            foreach (var stem in Song.Stems)
            {
                Song.WriteMidi(stem, path);
                var file = TestMidiFile.Parse(File.ReadAllBytes(path));
                Assert.Equal(2, file.Tracks.Count);
                Assert.All(file.Tracks, t => Assert.Equal(Song.FileEndTick, t[^1].Tick));
                Assert.Equal(stem.Track.Notes.Count, file.Tracks[1].Count(e => e.IsNoteOn));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Stem_files_end_together_just_after_the_last_bar()
    {
        Assert.InRange(Song.FileEndTick - Song.LengthTicks, 0, 60);
        Assert.All(Song.Stems, s => Assert.True(s.Track.EndTick <= Song.FileEndTick));
    }

    private static byte[] Midi(DemoSong song, string stemName)
    {
        using var stream = new MemoryStream();
        MidiFileWriter.Write(stream, [Part(song, stemName)], DemoSong.BeatsPerMinute, DemoSong.TicksPerQuarterNote, song.LengthTicks);
        return stream.ToArray();
    }

    private static long Nearest(long tick, long grid) => (tick + grid / 2) / grid * grid;
}
