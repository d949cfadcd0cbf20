using System.Reflection;

namespace Eas.Wire.CodePages;

/// <summary>
/// Every EAS code page (MS-ASWBXML 2.1.2.1), indexed for the codec: which (page, token) pairs exist and
/// what they are called. Built once from the <c>const ushort</c> fields of the page classes, so each page
/// class is the single source of its tokens; a field's name is the tag's name unless a
/// <see cref="SpecNameAttribute"/> gives the spec's name instead.
/// </summary>
public static class CodePageTable
{
    /// <summary>The highest code page number defined by MS-ASWBXML (25, Find).</summary>
    public const byte LastPage = 25;

    private static readonly Type[] PageClasses =
    [
        typeof(AirSync),
        typeof(Contacts),
        typeof(Email),
        typeof(AirNotify),
        typeof(Calendar),
        typeof(Move),
        typeof(GetItemEstimate),
        typeof(FolderHierarchy),
        typeof(MeetingResponse),
        typeof(Tasks),
        typeof(ResolveRecipients),
        typeof(ValidateCert),
        typeof(Contacts2),
        typeof(Ping),
        typeof(Provision),
        typeof(Search),
        typeof(GAL),
        typeof(AirSyncBase),
        typeof(Settings),
        typeof(DocumentLibrary),
        typeof(ItemOperations),
        typeof(ComposeMail),
        typeof(Email2),
        typeof(Notes),
        typeof(RightsManagement),
        typeof(Find),
    ];

    private static readonly string?[] Namespaces = new string?[LastPage + 1];
    private static readonly string?[] Names = new string?[(LastPage + 1) * 64];
    private static readonly Dictionary<(string Namespace, string Name), ushort> TagsByName = [];
    private static readonly Dictionary<string, byte> PagesByNamespace = new(StringComparer.Ordinal);

    static CodePageTable()
    {
        foreach (var pageClass in PageClasses)
        {
            var page = (byte)pageClass.GetField("PageNumber")!.GetValue(null)!;
            var ns = (string)pageClass.GetField("Namespace")!.GetValue(null)!;
            if (Namespaces[page] is not null || !PagesByNamespace.TryAdd(ns, page))
                throw new InvalidOperationException($"Code page {page} ({ns}) is listed twice.");
            Namespaces[page] = ns;
            foreach (var field in pageClass.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                if (!field.IsLiteral || field.FieldType != typeof(ushort)) continue;
                var tag = (ushort)field.GetValue(null)!;
                if (tag >> 8 != page || (tag & 0xFF) < 0x05 || (tag & 0xFF) > 0x3F)
                    throw new InvalidOperationException($"{ns}.{field.Name} = 0x{tag:X4} is not a token of page {page}.");
                var name = field.GetCustomAttribute<SpecNameAttribute>()?.Name ?? field.Name;
                if (Names[Index(tag)] is { } other)
                    throw new InvalidOperationException($"{ns}.{name} and {ns}.{other} share token 0x{tag:X4}.");
                if (!TagsByName.TryAdd((ns, name), tag))
                    throw new InvalidOperationException($"{ns} names two tags {name}.");
                Names[Index(tag)] = name;
            }
        }
    }

    /// <summary>Whether the page exists.</summary>
    public static bool IsKnownPage(byte page) => page <= LastPage && Namespaces[page] is not null;

    /// <summary>Whether the tag (page and token, content bit cleared) exists.</summary>
    public static bool IsKnown(ushort tag) => tag >> 8 <= LastPage && (tag & 0xFF) < 64 && Names[Index(tag)] is not null;

    /// <summary>The namespace of a page, e.g. <c>AirSync</c> (without the trailing colon of the XML form).</summary>
    public static string NamespaceOf(byte page) =>
        IsKnownPage(page) ? Namespaces[page]! : throw new ArgumentOutOfRangeException(nameof(page), page, "Unknown code page.");

    /// <summary>The tag's local name, e.g. <c>SyncKey</c>.</summary>
    public static string NameOf(ushort tag) =>
        IsKnown(tag) ? Names[Index(tag)]! : throw new ArgumentOutOfRangeException(nameof(tag), tag, "Unknown tag.");

    /// <summary>Finds a page by namespace (<c>AirSync</c>; a trailing colon is accepted).</summary>
    public static bool TryGetPage(string ns, out byte page) => PagesByNamespace.TryGetValue(ns.TrimEnd(':'), out page);

    /// <summary>Finds a tag by namespace and local name.</summary>
    public static bool TryGetTag(string ns, string name, out ushort tag) => TagsByName.TryGetValue((ns.TrimEnd(':'), name), out tag);

    /// <summary>A readable form for errors and logs: <c>AirSync:Sync</c>, or the raw numbers when unknown.</summary>
    public static string Describe(ushort tag) =>
        IsKnown(tag) ? $"{Namespaces[tag >> 8]}:{Names[Index(tag)]}" : $"page {tag >> 8} token 0x{tag & 0xFF:X2}";

    private static int Index(ushort tag) => (tag >> 8) * 64 + (tag & 0x3F);
}
