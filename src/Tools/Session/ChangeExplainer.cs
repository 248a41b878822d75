using System.Globalization;
using System.Text;
using Mixwright.Tools.Text;

namespace Mixwright.Tools.Session;

/// <summary>
/// Answers "why is this set like that?" from the rationale history: who chose the value (the user, in
/// their own words or by hand, or the assistant from a descriptor, a reference or a measurement), on
/// which turn, what was measured, and the plain sentence given at the time.
/// </summary>
public static class ChangeExplainer
{
    public static string Explain(SessionSnapshot snapshot, MixTarget target, string parameter)
    {
        var specs = ParameterCatalog.Match(target.Scope, parameter);
        string who = DisplayText.Clean(target.ToString());
        if (specs.Count == 0)
            throw new SessionException($"{who} has no parameter called {DisplayText.Quote(parameter)}. " +
                "Try gain, pan, width, eq, eq band 3, compressor, threshold, reverb, mute or solo.");

        var applied = snapshot.History.Applied.ToList();
        var lines = new List<string>();
        // One change set often moves several parameters for one reason (an EQ band's frequency and gain): tell it once.
        var told = new HashSet<(string, string)>();
        foreach (var spec in specs)
        {
            var history = applied
                .SelectMany(cs => cs.Changes.Where(c => c.Touches(target, spec.Name)).Select(c => (Set: cs, Change: c)))
                .ToList();
            var pending = snapshot.Pending?.Changes.FirstOrDefault(c => c.Touches(target, spec.Name));
            bool partOfGroup = specs.Count > 1;
            if (partOfGroup && history.Count == 0 && pending is null) continue;

            var value = spec.Get(snapshot.Console, target);
            var line = new StringBuilder($"{who} {spec.Name} is {value.Display(spec.Unit)}.");
            if (history.Count == 0)
            {
                line.Append(" That is the starting value; nothing in the history changed it.");
            }
            else
            {
                var (set, change) = history[^1];
                if (!told.Add((set.Id, change.Rationale.Sentence)))
                {
                    line.Append(CultureInfo.InvariantCulture, $" Same change ({set.Id}: {change.From.Display(change.Unit)} → {change.To.Display(change.Unit)}).");
                    lines.Add(line.ToString());
                    continue;
                }
                line.Append(' ').Append(Attribution(change, set));
                if (!string.IsNullOrWhiteSpace(change.Rationale.Measurement))
                    line.Append(" Measured: ").Append(Sentence(change.Rationale.Measurement));
                line.Append(' ').Append(Sentence(change.Rationale.Sentence));
                line.Append(CultureInfo.InvariantCulture, $" ({set.Id}, {set.Time:yyyy-MM-dd HH:mm} UTC: {change.From.Display(change.Unit)} → {change.To.Display(change.Unit)}.)");
                if (history.Count > 1)
                {
                    var earlier = history.Take(history.Count - 1).Select(h => $"{h.Set.Id} {h.Change.From.Display(h.Change.Unit)} → {h.Change.To.Display(h.Change.Unit)}");
                    line.Append(" Earlier: ").Append(string.Join("; ", earlier)).Append('.');
                }
            }
            if (pending is not null)
                line.Append($" Pending, not applied yet: proposal {snapshot.Pending!.Id} would make it {pending.To.Display(pending.Unit)}.");
            lines.Add(line.ToString());
        }
        if (lines.Count == 0)
            return $"{who} {parameter.Trim()}: all at their starting values; nothing in the history changed them.";
        return string.Join("\n", lines);
    }

    private static string Attribution(ParameterChange change, ChangeSet set)
    {
        var r = change.Rationale;
        int turn = change.Turn > 0 ? change.Turn : set.Turn;
        string when = turn > 0 ? $" on turn {turn}" : "";
        string quote = DisplayText.Quote(r.Quote);
        return r.Source switch
        {
            RationaleSource.UserWords when !string.IsNullOrWhiteSpace(r.Quote) => $"You set this yourself{when}, asking {quote}.",
            RationaleSource.UserWords or RationaleSource.Manual => $"You set this yourself{when}.",
            RationaleSource.Descriptor => $"I set it{when} for the descriptor {quote}.",
            RationaleSource.ReferenceMatch => $"I set it{when} to match the reference {quote}.",
            _ => $"I set it{when} from the analysis.",
        };
    }

    private static string Sentence(string text)
    {
        string t = DisplayText.Clean(text, 400);
        return t.EndsWith('.') || t.EndsWith('!') || t.EndsWith('?') ? t : t + ".";
    }
}
