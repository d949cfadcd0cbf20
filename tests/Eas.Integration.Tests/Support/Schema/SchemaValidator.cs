using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// Checks a decoded WBXML tree against a <see cref="SchemaElement"/>: element order, required elements and
/// occurrence counts, element by element, and stops at the first violation. The schemas of MS-ASCMD are
/// deterministic (XML Schema's Unique Particle Attribution), so each child is matched greedily by the first
/// particle that can take it, without backtracking. Values are not checked, nor protocol versions.
/// </summary>
internal static class SchemaValidator
{
    /// <summary>The first violation in <paramref name="root"/>, or null when it conforms to <paramref name="schema"/>.</summary>
    public static SchemaViolation? Validate(WbxmlElement root, SchemaElement schema)
    {
        var rootPath = root.Name;
        if (root.Tag != schema.Tag)
            return new SchemaViolation(SchemaViolationKind.WrongRoot, rootPath,
                $"expected {Schema.Describe(schema.Tag)} as the root, found {Schema.Describe(root.Tag)}", []);
        return CheckElement(root, schema, rootPath);
    }

    private static SchemaViolation? CheckElement(WbxmlElement element, SchemaElement schema, string path)
    {
        var children = ChildrenOf(element);
        if (schema.Content == SchemaContent.Value)
        {
            return children.Count == 0
                ? null
                : Violation(SchemaViolationKind.WrongContent, path, children, $"{Schema.Describe(schema.Tag)} holds a value, not elements");
        }

        if (children.Count == 0 && element.ValueKind != WbxmlValueKind.None && schema.Content == SchemaContent.Elements)
            return Violation(SchemaViolationKind.WrongContent, path, children, $"{Schema.Describe(schema.Tag)} holds elements, not a value");
        if (children.Count == 0 && schema.Content == SchemaContent.ValueOrElements) return null;

        var matcher = new Matcher(children, path);
        if (!matcher.Match(schema.Model!)) return matcher.Violation;
        return matcher.Position < children.Count ? matcher.Leftover(schema.Model!) : null;
    }

    private static List<WbxmlElement> ChildrenOf(WbxmlElement element)
    {
        var children = new List<WbxmlElement>();
        foreach (var child in element.Children) children.Add(child);
        return children;
    }

    private static SchemaViolation Violation(SchemaViolationKind kind, string path, List<WbxmlElement> children, string message) =>
        new(kind, path, message, [.. children.Select(c => Schema.Describe(c.Tag))]);

    /// <summary>Walks one element's children against its model.</summary>
    private sealed class Matcher(List<WbxmlElement> children, string path)
    {
        public int Position { get; private set; }

        public SchemaViolation? Violation { get; private set; }

        private WbxmlElement? Current => Position < children.Count ? children[Position] : null;

        /// <summary>Matches the particle as often as it occurs; false when a violation was found.</summary>
        public bool Match(SchemaParticle particle) => particle switch
        {
            SchemaElement element => MatchElement(element),
            SchemaWildcard wildcard => MatchWildcard(wildcard),
            SchemaGroup { Kind: SchemaGroupKind.All } all => MatchAll(all),
            SchemaGroup group => MatchRepeated(group),
            _ => throw new ArgumentException($"Unknown particle {particle.GetType().Name}.", nameof(particle)),
        };

        /// <summary>The violation for a child that no particle took.</summary>
        public SchemaViolation Leftover(SchemaParticle model)
        {
            var child = children[Position];
            var known = DirectTags(model).Contains(child.Tag);
            if (!known)
                return Fail(SchemaViolationKind.Unexpected, $"{Schema.Describe(child.Tag)} (child {Position + 1}) has no place here");
            return Position > 0 && children[Position - 1].Tag == child.Tag
                ? Fail(SchemaViolationKind.TooMany, $"{Schema.Describe(child.Tag)} occurs more often than allowed (child {Position + 1})")
                : Fail(SchemaViolationKind.WrongOrder, $"{Schema.Describe(child.Tag)} (child {Position + 1}) is out of order");
        }

        private bool MatchElement(SchemaElement element)
        {
            var count = 0;
            while (count < element.Max && Current is { } child && child.Tag == element.Tag)
            {
                if (CheckElement(child, element, ChildPath(child)) is { } inner)
                {
                    Violation = inner;
                    return false;
                }

                Position++;
                count++;
            }

            if (count >= element.Min) return true;
            Violation = Fail(SchemaViolationKind.Missing, $"required {Schema.Describe(element.Tag)} is missing{Before()}");
            return false;
        }

        private bool MatchWildcard(SchemaWildcard wildcard)
        {
            var count = 0;
            while (count < wildcard.Max && Current is { } child && wildcard.CanStartWith(child.Tag))
            {
                Position++;
                count++;
            }

            if (count >= wildcard.Min) return true;
            Violation = Fail(SchemaViolationKind.Missing, $"required {wildcard} is missing{Before()}");
            return false;
        }

        private bool MatchRepeated(SchemaGroup group)
        {
            var count = 0;
            while (count < group.Max)
            {
                var start = Position;
                if (count >= group.Min && (Current is not { } next || !group.CanStartWith(next.Tag))) break;
                if (group.Kind == SchemaGroupKind.Choice)
                {
                    var item = Current is { } child ? group.Items.FirstOrDefault(i => i.CanStartWith(child.Tag)) : null;
                    if (item is null)
                    {
                        Violation = Fail(SchemaViolationKind.Missing,
                            $"one of [{string.Join(", ", group.Items)}] is required{Before()}");
                        return false;
                    }

                    if (!Match(item)) return false;
                }
                else
                {
                    foreach (var item in group.Items)
                        if (!Match(item)) return false;
                }

                count++;
                if (Position == start) break;
            }

            return true;
        }

        private bool MatchAll(SchemaGroup all)
        {
            var seen = new HashSet<ushort>();
            while (Current is { } child && all.Items.OfType<SchemaElement>().FirstOrDefault(i => i.Tag == child.Tag) is { } item)
            {
                if (!seen.Add(child.Tag))
                {
                    Violation = Fail(SchemaViolationKind.TooMany, $"{Schema.Describe(child.Tag)} occurs more than once (child {Position + 1})");
                    return false;
                }

                if (CheckElement(child, item, ChildPath(child)) is { } inner)
                {
                    Violation = inner;
                    return false;
                }

                Position++;
            }

            var missing = all.Items.OfType<SchemaElement>().FirstOrDefault(i => i.Min > 0 && !seen.Contains(i.Tag));
            if (missing is null || all.Min == 0 && seen.Count == 0) return true;
            Violation = Fail(SchemaViolationKind.Missing, $"required {Schema.Describe(missing.Tag)} is missing");
            return false;
        }

        private string Before() => Current is { } child ? $" before {Schema.Describe(child.Tag)} (child {Position + 1})" : " at the end";

        private string ChildPath(WbxmlElement child)
        {
            var same = children.Count(c => c.Tag == child.Tag);
            if (same == 1) return $"{path}/{child.Name}";
            var index = children.Take(Position + 1).Count(c => c.Tag == child.Tag);
            return $"{path}/{child.Name}[{index}]";
        }

        private SchemaViolation Fail(SchemaViolationKind kind, string message) => SchemaValidator.Violation(kind, path, children, message);

        private static HashSet<ushort> DirectTags(SchemaParticle particle) => particle switch
        {
            SchemaElement element => [element.Tag],
            SchemaGroup group => [.. group.Items.SelectMany(DirectTags)],
            _ => [],
        };
    }
}
