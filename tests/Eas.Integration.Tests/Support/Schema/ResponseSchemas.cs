using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;

namespace Eas.Integration.Tests.Support.Schema;

/// <summary>
/// The response structure of every command this server answers with WBXML, by the command name of the
/// request line (MS-ASHTTP 2.2.1.1.1.1.2), written from the schemas of MS-ASCMD section 6 and the prose of
/// its section 2.2.3.
/// </summary>
internal static class ResponseSchemas
{
    private static readonly Dictionary<string, SchemaElement> ByCommand = new(StringComparer.Ordinal)
    {
        ["Sync"] = SyncResponseSchema.Root,
        ["FolderSync"] = FolderResponseSchemas.FolderSync,
        ["FolderCreate"] = FolderResponseSchemas.FolderCreate,
        ["FolderUpdate"] = FolderResponseSchemas.FolderUpdate,
        ["FolderDelete"] = FolderResponseSchemas.FolderDelete,
        ["GetItemEstimate"] = MailboxResponseSchemas.GetItemEstimate,
        ["Ping"] = MailboxResponseSchemas.Ping,
        ["MoveItems"] = MailboxResponseSchemas.MoveItems,
        ["MeetingResponse"] = MailboxResponseSchemas.MeetingResponse,
        ["ItemOperations"] = ItemOperationsResponseSchema.Root,
        ["Provision"] = ProvisionResponseSchema.Root,
        ["Settings"] = SettingsResponseSchema.Root,
        ["ResolveRecipients"] = ResolveRecipientsResponseSchema.Root,
        ["Search"] = SearchResponseSchema.Root,
        ["Find"] = FindResponseSchema.Root,
        ["SendMail"] = MailboxResponseSchemas.StatusOnly(ComposeMail.SendMail),
        ["SmartReply"] = MailboxResponseSchemas.StatusOnly(ComposeMail.SmartReply),
        ["SmartForward"] = MailboxResponseSchemas.StatusOnly(ComposeMail.SmartForward),
    };

    /// <summary>The commands with a described response.</summary>
    public static IReadOnlyCollection<string> Commands => ByCommand.Keys;

    /// <summary>The schema of a command's response, or null for a command without one here.</summary>
    public static SchemaElement? For(string command) => ByCommand.GetValueOrDefault(command);

    /// <summary>The first violation of <paramref name="body"/> as the response to <paramref name="command"/>; null when it conforms or the command has no schema here.</summary>
    public static SchemaViolation? Validate(string command, WbxmlElement body) =>
        For(command) is { } schema ? SchemaValidator.Validate(body, schema) : null;

    /// <summary>Throws when <paramref name="body"/> is not a conforming response to <paramref name="command"/>.</summary>
    public static void AssertConforms(string command, WbxmlElement body)
    {
        if (Validate(command, body) is { } violation)
            throw new SchemaViolationException($"The {command} response breaks its schema: {violation}{Environment.NewLine}{body}");
    }
}

/// <summary>A response that does not have its command's structure.</summary>
internal sealed class SchemaViolationException(string message) : Exception(message);
