using System.Globalization;
using Eas.Mail.Imap.Mailboxes;
using Eas.Mail.Imap.Protocol;

namespace Eas.Mail.Imap;

/// <summary>
/// Opening and closing a mailbox: SELECT and EXAMINE (RFC 3501 sections 6.3.1 and 6.3.2) with the CONDSTORE
/// and QRESYNC parameters (RFC 7162 sections 3.1.8 and 3.2.5), UNSELECT (RFC 3691) and CLOSE (RFC 3501 section 6.4.2).
/// </summary>
public sealed partial class ImapClient
{
    /// <summary>
    /// SELECT: opens <paramref name="mailbox"/> read-write; any mailbox selected before is closed first
    /// (without expunging). A failed SELECT leaves no mailbox selected (RFC 3501 section 6.3.1). With
    /// <see cref="ImapSelectOptions.QuickResync"/>, the result also lists the UIDs expunged and the messages
    /// changed since the given mod-sequence.
    /// </summary>
    /// <exception cref="ImapCommandException">The mailbox does not exist or cannot be opened.</exception>
    public Task<SelectedMailbox> SelectAsync(string mailbox, ImapSelectOptions? options = null, CancellationToken cancellationToken = default) =>
        SelectCoreAsync("SELECT", mailbox, options, cancellationToken);

    /// <summary>EXAMINE: like <see cref="SelectAsync"/> but read-only, so that \Seen and \Recent stay as they are.</summary>
    public Task<SelectedMailbox> ExamineAsync(string mailbox, ImapSelectOptions? options = null, CancellationToken cancellationToken = default) =>
        SelectCoreAsync("EXAMINE", mailbox, options, cancellationToken);

    /// <summary>
    /// UNSELECT (RFC 3691): closes the mailbox without expunging anything. A server without UNSELECT is sent
    /// EXAMINE of a mailbox that does not exist instead, whose failure deselects just the same (RFC 3501 section
    /// 6.3.1). Does nothing when no mailbox is selected.
    /// </summary>
    public Task UnselectAsync(CancellationToken cancellationToken = default) =>
        RunAsync("UNSELECT", _options.CommandTimeout, async token =>
        {
            if (Selected is null) return;
            if (Capabilities.Contains("UNSELECT"))
            {
                await RunCommandAsync(Command("UNSELECT").Build(), null, token).ConfigureAwait(false);
            }
            else
            {
                var examine = Command("EXAMINE").String($"eas-unselect-{Guid.NewGuid():N}").Build();
                await ExecuteCoreAsync(examine, RecordMailboxEvent, null, token).ConfigureAwait(false);
            }

            SetSelected(null);
        }, cancellationToken);

    /// <summary>
    /// CLOSE (RFC 3501 section 6.4.2): closes the mailbox and, if it was opened read-write, silently expunges the
    /// messages marked \Deleted (no EXPUNGE responses are sent). Does nothing when no mailbox is selected.
    /// </summary>
    public Task CloseAsync(CancellationToken cancellationToken = default) =>
        RunAsync("CLOSE", _options.CommandTimeout, async token =>
        {
            if (Selected is null) return;
            await RunCommandAsync(Command("CLOSE").Build(), null, token).ConfigureAwait(false);
            SetSelected(null);
        }, cancellationToken);

    private Task<SelectedMailbox> SelectCoreAsync(string verb, string mailbox, ImapSelectOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return RunAsync(verb, _options.CommandTimeout, async token =>
        {
            RequireLoggedIn(verb);
            var builder = Command(verb).String(ModifiedUtf7.Encode(mailbox));
            AppendSelectParameters(builder, options);

            // With QRESYNC on, a server reports [CLOSED] when it closes the previous mailbox (RFC 7162 section 3.2.11).
            var previous = Selected?.Name;
            var collector = new SelectResponseCollector(mailbox, verb == "EXAMINE", previous is not null && _enabled.Contains("QRESYNC"));
            var command = builder.Build();
            var completion = await ExecuteCoreAsync(command, response =>
            {
                if (!collector.Accept(response)) RecordMailboxEvent(response, previous);
            }, null, token).ConfigureAwait(false);
            if (completion.Status != ImapResponseStatus.Ok)
            {
                SetSelected(null);
                ThrowIfNotOk(command, completion);
            }

            if (options?.CondStore == true || options?.QuickResync is not null) _condStoreUsed = true;
            var selected = collector.Complete(completion);
            SetSelected(selected);
            return selected;
        }, cancellationToken);
    }

    private void AppendSelectParameters(ImapCommandBuilder builder, ImapSelectOptions? options)
    {
        if (options?.QuickResync is { } resync)
        {
            if (!_enabled.Contains("QRESYNC"))
                throw new InvalidOperationException("SELECT with QRESYNC needs ENABLE QRESYNC first (RFC 7162 section 3.2.3); call EnableChangeTrackingAsync.");
            var parameters = string.Create(CultureInfo.InvariantCulture, $"(QRESYNC ({resync.UidValidity} {resync.ModSeq}");
            if (resync.KnownUids is { IsEmpty: false } known) parameters += " " + known;
            builder.Raw(parameters + "))");
        }
        else if (options?.CondStore == true)
        {
            RequireCapability("CONDSTORE", "SELECT (CONDSTORE)");
            builder.Raw("(CONDSTORE)");
        }
    }
}
