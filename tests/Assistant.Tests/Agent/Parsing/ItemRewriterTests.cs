using Mixwright.Assistant.Agent.Parsing;

namespace Mixwright.Assistant.Tests.Agent.Parsing;

public sealed class ItemRewriterTests
{
    [Fact]
    public void A_track_word_after_a_quantity_word_is_the_sound_when_another_track_is_the_target()
    {
        var items = ClauseSteps.Items("more bass on the kick");
        var bass = Assert.Single(items, i => i.Text == "bass");
        Assert.Equal(ItemKind.Quality, bass.Kind);
        Assert.Single(items, i => i.Kind == ItemKind.Mention);
    }

    [Fact]
    public void A_size_adjective_before_a_console_control_is_an_intensity()
    {
        var heavy = Assert.Single(ClauseSteps.Items("heavy compression on the snare"), i => i.Text == "heavy");
        Assert.Equal((ItemKind.Modifier, 1.0), (heavy.Kind, heavy.Intensity));
    }

    [Fact]
    public void A_tidying_verb_aimed_at_a_region_reduces_it()
    {
        var items = ClauseSteps.Items("clean up the low end on the piano");
        Assert.Contains(items, i => i.IsWord("reduce"));
        Assert.DoesNotContain(items, i => i.Quality?.Descriptor?.Descriptor.Word == "clean");
    }
}
