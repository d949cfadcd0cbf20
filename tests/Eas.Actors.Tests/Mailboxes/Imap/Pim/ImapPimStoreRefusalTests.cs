using Eas.Actors.Mailboxes;
using Eas.Actors.Mailboxes.Imap.Pim;
using Eas.Actors.Sync.Email;
using Eas.Mail.Pim;
using MailKit.Net.Imap;
using MimeKit;

namespace Eas.Actors.Tests.Mailboxes.Imap.Pim;

/// <summary>
/// RFC 3501 6.3.11: a server that refuses an APPEND answers NO (RFC 7889 [TOOBIG] for a message past its limit); the
/// store makes that the item's failure, <see cref="PimItemRejectedException"/>, not an outage. Dovecot 2.3 has no size
/// limit without its quota plugin, so a session that refuses every APPEND stands in for one.
/// </summary>
public sealed class ImapPimStoreRefusalTests
{
    [Fact]
    public async Task RFC_3501_6_3_11_a_refused_APPEND_is_PimItemRejectedException_for_that_item()
    {
        var store = new ImapPimStore(new RefusingSession(), ImapPimOptions.Default);

        var refused = await Should.ThrowAsync<PimItemRejectedException>(() => store.CreateAsync("Contacts", "huge", "BEGIN:VCARD\r\nEND:VCARD\r\n", CancellationToken.None));

        refused.ItemId.ShouldBe("huge");
        refused.Message.ShouldContain("[TOOBIG]");
    }

    [Fact]
    public async Task A_session_that_is_not_an_IPimMailSession_is_refused_at_construction()
    {
        IMailSessionFactory inbox = new Eas.Actors.Tests.TestKit.InMemoryInbox(1);
        await using var session = await inbox.OpenAsync(new MailCredentials("user", "password"), CancellationToken.None);

        Should.Throw<ArgumentException>(() => new ImapPimStore(session, ImapPimOptions.Default));
    }

    private sealed class RefusingSession : IMailSession, IPimMailSession
    {
        public string Login => "user@example.com";

        public Task<uint?> AppendMessageAsync(string folder, MimeMessage message, CancellationToken cancellationToken) =>
            throw new ImapCommandException(ImapCommandResponse.No, "[TOOBIG] Message too large");

        public Task<PimFolderListing> ListPimMessagesAsync(string folder, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyCollection<PimMessageRef>> ListIndexedAsync(string folder, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<FolderStamp> StampPimFolderAsync(string folder, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<PimMessageRef>> FindBySubjectAsync(string folder, IReadOnlyList<string> subjects, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<(uint Uid, MimeMessage Message)>> FetchMessagesAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<bool> SetFolderMetadataAsync(string folder, string entry, string value, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<MailFolder>> ListFoldersAsync(CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<FolderListing> ListMessagesAsync(string folder, DateTimeOffset? since, ulong changedSinceModSeq, uint expectedUidValidity, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<FetchedEmail>> FetchEmailsAsync(string folder, IReadOnlyList<uint> uids, EmailContentRequest content, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<(uint Uid, EmailItem Headers)>> ListHeadersAsync(string folder, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyList<uint>> SearchHeaderAsync(string folder, string header, string value, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task SetFlagsAsync(string folder, uint uid, MessageFlags add, MessageFlags remove, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<IReadOnlyDictionary<uint, uint>> MoveAsync(string folder, IReadOnlyList<uint> uids, string destination, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task ExpungeAsync(string folder, IReadOnlyList<uint> uids, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<FolderStamp> StampAsync(string folder, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<uint?> AppendAsync(string folder, Stream message, long length, MessageFlags flags, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task CreateFolderAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task RenameFolderAsync(string name, string newName, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task DeleteFolderAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<long> CopyPartAsync(string folder, uint uid, string part, Stream destination, (long Offset, long Length)? range, CancellationToken cancellationToken) => throw new NotSupportedException();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
