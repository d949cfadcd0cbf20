using Eas.Wire.Http;
using Eas.Wire.Wbxml;

namespace Eas.Host.Endpoints;

/// <summary>
/// The commands this server really implements, and how each one's body is decoded into its typed request.
/// <c>MS-ASProtocolCommands</c> in the OPTIONS answer is made from this list, so phones are never offered a
/// command that would fail; any other command is answered 501.
/// </summary>
internal sealed class CommandCatalog
{
    private readonly Dictionary<EasCommand, CommandDefinition> _commands;

    public CommandCatalog(IEnumerable<CommandDefinition> commands)
    {
        _commands = commands.ToDictionary(c => c.Command);
        HeaderValue = string.Join(',', _commands.Keys.Order().Select(c => c.ToWireName()));
    }

    /// <summary>The MS-ASProtocolCommands value (MS-ASHTTP 2.2.2.1.2.3).</summary>
    public string HeaderValue { get; }

    /// <summary>The command's definition when it is implemented for <paramref name="version"/>.</summary>
    public bool TryGet(EasCommand command, ProtocolVersion version, out CommandDefinition definition) =>
        _commands.TryGetValue(command, out definition!) && version >= definition.MinimumVersion && version <= definition.MaximumVersion;

    /// <summary>The commands of the current release; SendMail, SmartReply and SmartForward only when <paramref name="sending"/> (an SMTP server is configured).</summary>
    public static CommandCatalog Default(WbxmlLimits limits, bool sending = true) => new(Commands(limits).Where(c => sending || !IsSending(c.Command)));

    private static bool IsSending(EasCommand command) => command is EasCommand.SendMail or EasCommand.SmartReply or EasCommand.SmartForward;

    private static IEnumerable<CommandDefinition> Commands(WbxmlLimits limits) =>
    [
        CommandDefinition.Wbxml(EasCommand.Provision, limits, (root, version) => Wire.Commands.Provision.ProvisionRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.Settings, limits, (root, version) => Wire.Commands.Settings.SettingsRequest.Parse(root, version)) with
        {
            MinimumVersion = ProtocolVersion.V120,
        },
        CommandDefinition.Wbxml(EasCommand.FolderSync, limits, (root, version) => Wire.Commands.FolderSync.FolderSyncRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.FolderCreate, limits, (root, version) => Wire.Commands.FolderCreate.FolderCreateRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.FolderUpdate, limits, (root, version) => Wire.Commands.FolderUpdate.FolderUpdateRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.FolderDelete, limits, (root, version) => Wire.Commands.FolderDelete.FolderDeleteRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.GetItemEstimate, limits, (root, version) => Wire.Commands.GetItemEstimate.GetItemEstimateRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.MoveItems, limits, (root, version) => Wire.Commands.MoveItems.MoveItemsRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.ItemOperations, limits, (root, version) => Wire.Commands.ItemOperations.ItemOperationsRequest.Parse(root, version)) with
        {
            MinimumVersion = ProtocolVersion.V120,
        },
        new CommandDefinition(EasCommand.GetAttachment, (_, _) => null) { MaximumVersion = ProtocolVersion.V121 },
        CommandDefinition.Wbxml(EasCommand.ResolveRecipients, limits, (root, version) => Wire.Commands.ResolveRecipients.ResolveRecipientsRequest.Parse(root, version)),
        CommandDefinition.ComposeMail(EasCommand.SendMail, limits, (root, version) => Wire.Commands.SendMail.SendMailRequest.Parse(root, version)),
        CommandDefinition.ComposeMail(EasCommand.SmartReply, limits, (root, version) => Wire.Commands.SmartReply.SmartReplyRequest.Parse(root, version)),
        CommandDefinition.ComposeMail(EasCommand.SmartForward, limits, (root, version) => Wire.Commands.SmartForward.SmartForwardRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.MeetingResponse, limits, (root, version) => Wire.Commands.MeetingResponse.MeetingResponseRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.Search, limits, (root, version) => Wire.Commands.Search.SearchRequest.Parse(root, version)),
        CommandDefinition.Wbxml(EasCommand.Find, limits, (root, version) => Wire.Commands.Find.FindRequest.Parse(root, version)) with
        {
            MinimumVersion = ProtocolVersion.V161,
        },
        CommandDefinition.Wbxml(EasCommand.Ping, limits, (root, version) => Wire.Commands.Ping.PingRequest.Parse(root, version)) with
        {
            EmptyBodyAllowed = true,
        },
        CommandDefinition.Wbxml(EasCommand.Sync, limits, (root, version) => Wire.Commands.Sync.SyncRequest.Parse(root, version)) with
        {
            EmptyBodyAllowed = true,
        },
    ];
}

/// <summary>One implemented command: how its request body becomes a typed request (null for none).</summary>
internal sealed record CommandDefinition(EasCommand Command, Func<byte[], EasRequestLine, object?> ParseBody)
{
    /// <summary>The oldest protocol version that has the command (Settings is 12.0+, MS-ASCMD 2.2.1.18).</summary>
    public ProtocolVersion MinimumVersion { get; init; } = ProtocolVersion.V25;

    /// <summary>The newest protocol version that has the command (GetAttachment ends with 12.1, MS-ASCMD 2.2.1.7).</summary>
    public ProtocolVersion MaximumVersion { get; init; } = ProtocolVersion.V161;

    /// <summary>Whether an empty body is a valid request (an empty Sync repeats the last one, MS-ASCMD 2.2.1.21).</summary>
    public bool EmptyBodyAllowed { get; init; }

    /// <summary>Decodes a body into the typed request; null for an empty body where that is allowed.</summary>
    public object? Decode(byte[] body, EasRequestLine line) => body.Length == 0 && EmptyBodyAllowed ? null : ParseBody(body, line);

    /// <summary>A command whose body is a WBXML document; an empty body is a protocol error.</summary>
    public static CommandDefinition Wbxml(EasCommand command, WbxmlLimits limits, Func<WbxmlElement, ProtocolVersion, object> parse) =>
        new(command, (body, line) =>
        {
            if (body.Length == 0) throw new WbxmlException($"{command} needs a WBXML body", 0);
            return parse(WbxmlDocument.Parse(body, limits), line.ProtocolVersion);
        });

    /// <summary>
    /// SendMail, SmartReply or SmartForward: from 14.0 a ComposeMail WBXML document; up to 12.1 the MIME message
    /// itself (message/rfc822) with its parameters on the request line (MS-ASCMD 2.2.1.17).
    /// </summary>
    public static CommandDefinition ComposeMail(EasCommand command, WbxmlLimits limits, Func<WbxmlElement, ProtocolVersion, object> parse)
    {
        var wbxml = Wbxml(command, limits, parse);
        return new(command, (body, line) => line.ProtocolVersion >= ProtocolVersion.V140
            ? wbxml.ParseBody(body, line)
            : Wire.Commands.SendMail.ComposeMailQueryRequest.From(line, body));
    }
}
