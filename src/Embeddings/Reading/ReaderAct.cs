namespace Mixwright.Embeddings.Reading;

/// <summary>
/// What a request is, as the learned reader sees it. The order is the heads' output order
/// (training/reader/make_requests.py READER_ACTS).
/// </summary>
public enum ReaderAct
{
    /// <summary>Change the sound ("the kick is a tad harsh", "can you make the piano brighter?").</summary>
    Change,
    /// <summary>Vague or really ambiguous: needs one question before anything changes ("fix it", "it sounds off").</summary>
    Question,
    /// <summary>Why is something set like that, what does a word mean, general questions: an answer.</summary>
    Explain,
    /// <summary>Measure the mix or a track ("how loud is it?", "what's the loudest track?").</summary>
    Measure,
    Undo,
    Confirm,
    Reject,
    /// <summary>More of the last change ("a bit more").</summary>
    More,
    /// <summary>Less of the last change ("too much", "back it off").</summary>
    Less,
    /// <summary>Sound like a reference or a rough mix.</summary>
    Reference,
    Render,
    /// <summary>Thanks, greetings, praise: nothing to change.</summary>
    SmallTalk,
}
