namespace Eas.Actors.Sync.Calendar.Ics;

/// <summary>
/// Reads iCalendar text (RFC 5545 3.1): unfolds lines, splits each into name, parameters and value, and nests
/// components by BEGIN/END. A line that is no content line (no colon, a bad name, an END that closes nothing) is
/// skipped and counted in <see cref="IcsDocument.SkippedLines"/>: the nearest faithful reading of a broken object.
/// A component left open at the end is closed there.
/// </summary>
public static class IcsReader
{
    public static IcsDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var roots = new List<IcsComponent>();
        var stack = new Stack<IcsComponent>();
        var skipped = 0;
        foreach (var line in Unfold(text))
        {
            if (line.Length == 0) continue;
            if (Parse(line) is not { } property)
            {
                skipped++;
                continue;
            }

            if (property.Is("BEGIN") && property.Value.Length > 0)
            {
                var component = new IcsComponent(property.Value.Trim());
                if (stack.TryPeek(out var parent)) parent.Components.Add(component);
                else roots.Add(component);
                stack.Push(component);
            }
            else if (property.Is("END"))
            {
                if (stack.Count > 0 && string.Equals(stack.Peek().Name, property.Value.Trim(), StringComparison.OrdinalIgnoreCase)) stack.Pop();
                else skipped++;
            }
            else if (stack.TryPeek(out var current))
            {
                current.Properties.Add(property);
            }
            else
            {
                skipped++;
            }
        }

        return new IcsDocument(roots, skipped);
    }

    private static IEnumerable<string> Unfold(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var current = new System.Text.StringBuilder();
        var started = false;
        foreach (var line in lines)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && started)
            {
                current.Append(line, 1, line.Length - 1);
                continue;
            }

            if (started) yield return current.ToString();
            current.Clear().Append(line);
            started = true;
        }

        if (started) yield return current.ToString();
    }

    /// <summary>One unfolded line as a property; null when it is none.</summary>
    internal static IcsProperty? Parse(string line)
    {
        var i = 0;
        while (i < line.Length && (char.IsAsciiLetterOrDigit(line[i]) || line[i] == '-')) i++;
        if (i == 0 || i >= line.Length || line[i] is not (';' or ':')) return null;
        var name = line[..i].ToUpperInvariant();
        var parameters = new List<IcsParameter>();
        while (i < line.Length && line[i] == ';')
        {
            var start = ++i;
            while (i < line.Length && line[i] != '=' && line[i] != ';' && line[i] != ':') i++;
            if (i >= line.Length || line[i] != '=' || i == start) return null;
            var paramName = line[start..i].ToUpperInvariant();
            i++;
            var value = new System.Text.StringBuilder();
            while (i < line.Length && line[i] != ';' && line[i] != ':')
            {
                if (line[i] == '"')
                {
                    var close = line.IndexOf('"', i + 1);
                    if (close < 0) return null;
                    value.Append(line, i + 1, close - i - 1);
                    i = close + 1;
                }
                else
                {
                    value.Append(line[i++]);
                }
            }

            parameters.Add(new IcsParameter(paramName, value.ToString()));
        }

        if (i >= line.Length || line[i] != ':') return null;
        return new IcsProperty(name, parameters, line[(i + 1)..]);
    }
}

/// <summary>The top-level components of an iCalendar text and how many broken lines were skipped.</summary>
public sealed record IcsDocument(IReadOnlyList<IcsComponent> Components, int SkippedLines);
