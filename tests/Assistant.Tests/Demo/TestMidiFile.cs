using System.Buffers.Binary;

namespace Mixwright.Assistant.Tests.Demo;

/// <summary>
/// The tests' own Standard MIDI File reader: decodes the header, each MTrk chunk and its
/// variable-length delta times into events at absolute ticks, asserting the structure as it goes.
/// </summary>
internal sealed record TestMidiFile(int Format, int TicksPerQuarterNote, List<List<TestMidiEvent>> Tracks)
{
    public static TestMidiFile Parse(byte[] bytes)
    {
        Assert.Equal("MThd", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(6, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4)));
        int format = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(8));
        int trackCount = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(10));
        int division = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(12));
        var tracks = new List<List<TestMidiEvent>>();
        int offset = 14;
        for (int t = 0; t < trackCount; t++)
        {
            Assert.Equal("MTrk", System.Text.Encoding.ASCII.GetString(bytes, offset, 4));
            int length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset + 4));
            tracks.Add(ParseTrack(bytes.AsSpan(offset + 8, length)));
            offset += 8 + length;
        }
        Assert.Equal(bytes.Length, offset);
        return new TestMidiFile(format, division, tracks);
    }

    public static long ReadVariableLength(ReadOnlySpan<byte> bytes, ref int position)
    {
        long value = 0;
        for (int i = 0; i < 4; i++)
        {
            byte b = bytes[position++];
            value = (value << 7) | (uint)(b & 0x7F);
            if ((b & 0x80) == 0) return value;
        }
        throw new InvalidDataException("variable-length quantity longer than four bytes");
    }

    private static List<TestMidiEvent> ParseTrack(ReadOnlySpan<byte> track)
    {
        var events = new List<TestMidiEvent>();
        long tick = 0;
        int position = 0;
        while (position < track.Length)
        {
            tick += ReadVariableLength(track, ref position);
            byte status = track[position++];
            Assert.True(status >= 0x80, $"running status or garbage at byte {position - 1}");
            byte[] data;
            if (status == 0xFF)
            {
                byte type = track[position++];
                int length = (int)ReadVariableLength(track, ref position);
                data = [type, .. track.Slice(position, length)];
                position += length;
            }
            else
            {
                int length = (status & 0xF0) is 0xC0 or 0xD0 ? 1 : 2;
                data = track.Slice(position, length).ToArray();
                position += length;
            }
            events.Add(new TestMidiEvent(tick, status, data));
        }
        Assert.Equal(0x2F, events[^1].Data[0]);   // every track ends with end-of-track
        Assert.Equal(0xFF, events[^1].Status);
        return events;
    }
}

internal sealed record TestMidiEvent(long Tick, byte Status, byte[] Data)
{
    public int Kind => Status & 0xF0;
    public int Channel => Status & 0x0F;
    public bool IsNoteOn => Kind == 0x90 && Data[1] > 0;
    public bool IsNoteOff => Kind == 0x80 || (Kind == 0x90 && Data[1] == 0);
    public bool IsMeta(byte type) => Status == 0xFF && Data[0] == type;
}
