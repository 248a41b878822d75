namespace Mixwright.Assistant.Demo;

/// <summary>
/// A major or minor triad of the demo song (key of A minor), with the pitch helpers the parts
/// need: chord tones near a key, block-chord voicings that move little, and scale steps that
/// follow the harmony (G becomes G# over the E major dominant).
/// </summary>
internal readonly record struct Chord(int RootPitchClass, bool IsMinor)
{
    private static readonly int[] NaturalMinorOfA = [9, 11, 0, 2, 4, 5, 7];

    public static Chord Major(int rootPitchClass) => new(rootPitchClass, false);
    public static Chord Minor(int rootPitchClass) => new(rootPitchClass, true);

    public int Third => (RootPitchClass + (IsMinor ? 3 : 4)) % 12;
    public int Fifth => (RootPitchClass + 7) % 12;
    public int[] PitchClasses => [RootPitchClass, Third, Fifth];

    public bool Contains(int key) => Array.IndexOf(PitchClasses, Mod12(key)) >= 0;

    /// <summary>The lowest key of <paramref name="pitchClass"/> at or above <paramref name="low"/>.</summary>
    public static int AtOrAbove(int pitchClass, int low) => low + Mod12(pitchClass - low);

    /// <summary>The chord tone nearest <paramref name="key"/>; ties go up, which keeps melodies lifting.</summary>
    public int NearestTone(int key)
    {
        int best = key;
        for (int distance = 0; distance < 12; distance++)
        {
            if (Contains(key + distance)) { best = key + distance; break; }
            if (Contains(key - distance)) { best = key - distance; break; }
        }
        return best;
    }

    /// <summary>The chord tones in [low, high], ascending.</summary>
    public List<int> TonesBetween(int low, int high)
    {
        var tones = new List<int>();
        for (int key = low; key <= high; key++)
            if (Contains(key)) tones.Add(key);
        return tones;
    }

    /// <summary>
    /// A close-position triad inside [low, high] that moves least from <paramref name="previous"/>
    /// (or sits nearest the middle of the range when there is none), the way a keyboard player
    /// keeps the hand in place between chords.
    /// </summary>
    public int[] Voicing(int low, int high, int[]? previous)
    {
        int[]? best = null;
        double bestCost = double.MaxValue;
        double centre = (low + high) / 2.0;
        foreach (int bottomPitchClass in PitchClasses)
        {
            for (int bottom = AtOrAbove(bottomPitchClass, low); bottom <= high; bottom += 12)
            {
                int middle = StackAbove(bottom), top = StackAbove(middle);
                if (top > high) break;
                int[] candidate = [bottom, middle, top];
                double cost = previous is { Length: 3 }
                    ? Math.Abs(bottom - previous[0]) + Math.Abs(middle - previous[1]) + Math.Abs(top - previous[2])
                    : Math.Abs(middle - centre);
                if (cost < bestCost) { bestCost = cost; best = candidate; }
            }
        }
        return best ?? throw new ArgumentException($"No triad of {this} fits between keys {low} and {high}.");
    }

    /// <summary>Moves <paramref name="steps"/> scale degrees from <paramref name="key"/> (which need not be in the scale).</summary>
    public int ScaleStep(int key, int steps)
    {
        int direction = Math.Sign(steps), current = key;
        for (int moved = 0; moved != steps; moved += direction)
        {
            do current += direction;
            while (!InScale(current));
        }
        return current;
    }

    /// <summary>A natural minor, raised seventh while the chord is the E major dominant.</summary>
    public bool InScale(int key)
    {
        int pitchClass = Mod12(key);
        bool raisedSeventh = Array.IndexOf(PitchClasses, 8) >= 0;
        if (raisedSeventh && pitchClass == 7) return false;
        if (raisedSeventh && pitchClass == 8) return true;
        return Array.IndexOf(NaturalMinorOfA, pitchClass) >= 0;
    }

    private int StackAbove(int key)
    {
        int next = key + 1;
        while (!Contains(next)) next++;
        return next;
    }

    private static int Mod12(int value) => ((value % 12) + 12) % 12;
}
