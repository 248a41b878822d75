using Mixwright.Assistant.Agent.Parsing;
using Mixwright.Embeddings.Descriptors;
using Mixwright.Embeddings.Modifiers;
using Mixwright.Embeddings.Reading;
using Mixwright.Embeddings.Roles;

namespace Mixwright.Assistant.Agent;

/// <summary>
/// The offline, deterministic chat back-end: reads a request and emits the tool calls an LLM would, one
/// clarifying question, or a reply. It understands track names, roles, abbreviations and positions; level,
/// pan, width, EQ, compression and reverb requests with or without amounts; the descriptor words of
/// Mixwright.Embeddings with intensity and negation; follow-ups on the last change; confirmations; reference,
/// render and analysis requests; and questions. It never changes anything itself: the calls go to the
/// session tools, and sound-changing calls become a proposal the user confirms.
/// </summary>
/// <remarks>
/// Ambiguity policy (one question, never a guess): a track phrase that fits several tracks equally (two
/// guitars for "the guitar") asks which; a request with no track and no conversation to refer to asks
/// which track; an ambiguous descriptor ("warm") asks which reading only when neither the track's analysis
/// hint nor its role settles it (a vocal's warmth is low-mid body; the master bus has no role, so
/// "make the mix warmer" asks). Thread-safe: the per-session parser is rebuilt when the track list changes.
/// </remarks>
public sealed partial class LocalInterpreter
{
    private const int MaxNesting = 2;

    private readonly DescriptorLexicon _descriptors;
    private readonly RoleLexicon _roles;
    private readonly IntensityLexicon _intensities;
    private readonly Lock _lock = new();
    private SessionParser? _session;

    public LocalInterpreter(DescriptorLexicon? descriptors = null, RoleLexicon? roles = null, IntensityLexicon? intensities = null, IRequestReader? reader = null)
    {
        _reader = reader;
        _descriptors = descriptors ?? DescriptorLexicon.Default;
        _roles = roles ?? RoleLexicon.Default;
        _intensities = intensities ?? IntensityLexicon.Default;
    }

    public DescriptorLexicon Descriptors => _descriptors;

    public Interpretation Interpret(string text, InterpreterContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        return Interpret(text, context, depth: 0);
    }

    private Interpretation Interpret(string text, InterpreterContext context, int depth)
    {
        var session = SessionFor(context.Tracks);
        var turn = new Turn(text, session.Tokenizer.Tokenize(text), session, context, depth);
        return InterpretTurn(turn);
    }

    private SessionParser SessionFor(IReadOnlyList<TrackInfo> tracks)
    {
        string key = SessionParser.KeyOf(tracks);
        lock (_lock)
        {
            if (_session is null || _session.Key != key) _session = new SessionParser(tracks, _descriptors, _roles, _intensities);
            return _session;
        }
    }

    /// <summary>One turn being interpreted: the text, its tokens and the context.</summary>
    private sealed record Turn(string Text, List<Token> Tokens, SessionParser Session, InterpreterContext Context, int Depth)
    {
        public bool EndsWithQuestionMark => Text.TrimEnd().EndsWith('?');
    }
}
