using System.Collections.Frozen;

namespace Eas.Wire.Http;

/// <summary>
/// Maps <see cref="EasCommand"/> to and from its two wire forms: the <c>Cmd=</c> name of the plain text
/// query value (MS-ASHTTP 2.2.1.1.1.2.1) and the command code byte of the base64-encoded query value
/// (MS-ASHTTP 2.2.1.1.1.1.2).
/// </summary>
public static class EasCommands
{
    /// <summary>Every command, in command-code order.</summary>
    public static IReadOnlyList<EasCommand> All { get; } =
    [
        EasCommand.Sync, EasCommand.SendMail, EasCommand.SmartForward, EasCommand.SmartReply,
        EasCommand.GetAttachment, EasCommand.FolderSync, EasCommand.FolderCreate, EasCommand.FolderDelete,
        EasCommand.FolderUpdate, EasCommand.MoveItems, EasCommand.GetItemEstimate, EasCommand.MeetingResponse,
        EasCommand.Search, EasCommand.Settings, EasCommand.Ping, EasCommand.ItemOperations,
        EasCommand.Provision, EasCommand.ResolveRecipients, EasCommand.ValidateCert, EasCommand.Find,
    ];

    private static readonly FrozenDictionary<string, EasCommand> ByName =
        All.ToFrozenDictionary(c => c.ToString(), StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<byte, EasCommand> ByCode = All.ToFrozenDictionary(c => (byte)c);

    /// <summary>
    /// Finds a command by its <c>Cmd=</c> name, ignoring case as Exchange does (<c>foldersync</c> is
    /// FolderSync). Numbers and comma lists, which <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
    /// would accept, are not names.
    /// </summary>
    public static bool TryParseName(ReadOnlySpan<char> name, out EasCommand command) =>
        ByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out command);

    /// <summary>Finds a command by its base64 command code; codes 5-8 and above 23 are unassigned.</summary>
    public static bool TryFromCode(byte code, out EasCommand command) => ByCode.TryGetValue(code, out command);

    /// <summary>The canonical <c>Cmd=</c> name, e.g. <c>FolderSync</c>.</summary>
    public static string ToWireName(this EasCommand command) => command.ToString();

    /// <summary>The base64 command code.</summary>
    public static byte ToCode(this EasCommand command) => (byte)command;
}
