using System.Reflection;
using Eas.Wire.CodePages;

namespace Eas.Wire.Tests.CodePages;

/// <summary>
/// The page classes as the tests see them: found by reflection in the assembly, not read from the table,
/// so a class missing from <see cref="CodePageTable"/>'s list is noticed.
/// </summary>
internal static class PageClasses
{
    public sealed record Page(Type Class, byte Number, string Namespace, IReadOnlyList<Constant> Tags);

    /// <summary>One <c>const ushort</c> of a page class: its C# identifier and its value.</summary>
    public sealed record Constant(string Identifier, ushort Tag);

    public static IReadOnlyList<Page> All { get; } = Load();

    public static Page Get(byte number) => All.Single(p => p.Number == number);

    private static List<Page> Load() =>
        typeof(CodePageTable).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(CodePageTable).Namespace && t.IsAbstract && t.IsSealed)
            .Select(t => (Type: t, PageNumber: t.GetField("PageNumber"), Namespace: t.GetField("Namespace")))
            .Where(t => t.PageNumber is { IsLiteral: true } && t.Namespace is { IsLiteral: true })
            .Select(t => new Page(
                t.Type,
                (byte)t.PageNumber!.GetValue(null)!,
                (string)t.Namespace!.GetValue(null)!,
                t.Type.GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Where(f => f.IsLiteral && f.FieldType == typeof(ushort))
                    .Select(f => new Constant(f.Name, (ushort)f.GetValue(null)!))
                    .OrderBy(c => c.Tag)
                    .ToList()))
            .OrderBy(p => p.Number)
            .ToList();
}
