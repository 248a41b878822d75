using Mixwright.Assistant.Tui;

namespace Mixwright.Assistant.Tests.Tui;

public sealed class LevelMeterTests
{
    [Theory]
    [InlineData(-60.0, 0)]
    [InlineData(-30.0, 5)]
    [InlineData(-12.0, 8)]
    [InlineData(0.0, 10)]
    [InlineData(6.0, 10)]
    public void The_bar_fills_in_proportion_to_loudness_above_the_floor(double lufs, int fullCells)
    {
        string bar = LevelMeter.Bar(lufs, null, 10);

        Assert.Equal(10, bar.Length);
        Assert.Equal(fullCells, bar.Count(c => c == '█'));
    }

    [Fact]
    public void Partial_cells_show_eighths_and_the_peak_is_a_tick_beyond_the_fill()
    {
        // -33 LUFS is 27/60 of the scale: 4.5 cells, so four full cells and a half one; a -9 dB peak is at 8.5 cells.
        string bar = LevelMeter.Bar(-33, -9, 10);

        Assert.Equal("████▌···┃·", bar);
    }

    [Fact]
    public void Silence_is_an_empty_bar_and_the_label_says_minus_infinity()
    {
        Assert.Equal("········", LevelMeter.Bar(double.NegativeInfinity, null, 8));
        Assert.EndsWith("-∞", LevelMeter.Labelled(double.NegativeInfinity, null, 8).TrimEnd());
        // 40/60 of ten cells is 6 and 5/8.
        Assert.Equal("██████▋··· -20.0", LevelMeter.Labelled(-20, null, 10));
    }
}
