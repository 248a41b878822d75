namespace Mixwright.Embeddings.Reading;

/// <summary>
/// What a quality in a request is about, in the console's terms. The order is the heads' output order
/// (training/reader/make_requests.py ASPECTS). EQ regions follow the request sets' bands: low 63-250 Hz,
/// low-mid 250-500 Hz, mid 0.5-2 kHz, presence 2-4 kHz, high 4-16 kHz.
/// </summary>
public enum ReaderAspect { Gain, Pan, Width, Low, LowMid, Mid, Presence, High, Compression, Reverb }

/// <summary>
/// Which way an aspect should move. Plus is up, more, wider, or right for pan; Minus is down, less, narrower, or
/// left for pan; Center only for pan.
/// </summary>
public enum AspectDirection { None, Plus, Minus, Center }
