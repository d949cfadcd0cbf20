using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using GiePage = Eas.Wire.CodePages.GetItemEstimate;
using IoPage = Eas.Wire.CodePages.ItemOperations;
using PingPage = Eas.Wire.CodePages.Ping;
using ProvisionPage = Eas.Wire.CodePages.Provision;
using SettingsPage = Eas.Wire.CodePages.Settings;

namespace Eas.Wire.Commands;

/// <summary>
/// A response that is only the command's top-level Status, as a host writes it for a
/// <see cref="ProtocolErrorStatus"/> or a <see cref="CommonStatus"/> (for example
/// <c>&lt;FolderSync&gt;&lt;Status&gt;142&lt;/Status&gt;&lt;/FolderSync&gt;</c>, MS-ASCMD 2.2.2). MoveItems carries
/// one too: its Status is optional under MoveItems for exactly this (MS-ASCMD 2.2.3.177.10). GetAttachment has no
/// WBXML response, and commands outside this library's scope are not supported.
/// </summary>
public sealed record StatusOnlyResponse(EasCommand Command, int Status) : IEasResponse
{
    /// <summary>Whether the command's response has a top-level Status element to carry a status alone.</summary>
    public static bool CanCarry(EasCommand command) => TryGetTags(command, out _, out _);

    public void Write(WbxmlWriter writer, ProtocolVersion version) => Write(writer, Command, Status);

    /// <summary>The root and Status tags of a command, when it has a top-level Status.</summary>
    public static bool TryGetTags(EasCommand command, out ushort root, out ushort status)
    {
        (root, status) = command switch
        {
            EasCommand.Sync => (AirSync.Sync, AirSync.Status),
            EasCommand.FolderSync => (FolderHierarchy.FolderSync, FolderHierarchy.Status),
            EasCommand.FolderCreate => (FolderHierarchy.FolderCreate, FolderHierarchy.Status),
            EasCommand.FolderUpdate => (FolderHierarchy.FolderUpdate, FolderHierarchy.Status),
            EasCommand.FolderDelete => (FolderHierarchy.FolderDelete, FolderHierarchy.Status),
            EasCommand.GetItemEstimate => (GiePage.GetItemEstimateElement, GiePage.Status),
            EasCommand.MoveItems => (Move.MoveItems, Move.Status),
            EasCommand.Ping => (PingPage.PingElement, PingPage.Status),
            EasCommand.ItemOperations => (IoPage.ItemOperationsElement, IoPage.Status),
            EasCommand.Settings => (SettingsPage.SettingsElement, SettingsPage.Status),
            EasCommand.Provision => (ProvisionPage.ProvisionElement, ProvisionPage.Status),
            EasCommand.SendMail => (ComposeMail.SendMail, ComposeMail.Status),
            EasCommand.SmartReply => (ComposeMail.SmartReply, ComposeMail.Status),
            EasCommand.SmartForward => (ComposeMail.SmartForward, ComposeMail.Status),
            EasCommand.ResolveRecipients => (CodePages.ResolveRecipients.ResolveRecipientsElement, CodePages.ResolveRecipients.Status),
            EasCommand.Search => (CodePages.Search.SearchElement, CodePages.Search.Status),
            _ => ((ushort)0, (ushort)0),
        };
        return root != 0;
    }

    /// <summary>Writes <c>&lt;Root&gt;&lt;Status&gt;status&lt;/Status&gt;&lt;/Root&gt;</c> for the command.</summary>
    /// <exception cref="ArgumentException">The command has no top-level Status.</exception>
    public static void Write(WbxmlWriter writer, EasCommand command, int status)
    {
        if (!TryGetTags(command, out var root, out var statusTag))
            throw new ArgumentException($"{command} has no top-level Status element.", nameof(command));
        writer.StartElement(root);
        writer.WriteElementInt(statusTag, status);
        writer.EndElement();
    }
}
