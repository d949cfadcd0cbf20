using System.Diagnostics;
using Eas.Load.Seeding;
using Eas.Mail.LocalRadicale;
using MailKit;

namespace Eas.Load.Pim;

/// <summary>
/// Puts the benchmark's contacts into a store before the server starts: into the account's IMAP <c>Contacts</c>
/// folder by MULTIAPPEND (RFC 3502) in chunks, or straight into a private Radicale's storage.
/// </summary>
internal static class ContactSeeding
{
    public const string ImapFolder = "Contacts";
    public const string CalendarImapFolder = "Calendar";
    private const int Chunk = 250;

    /// <summary>Creates the folder when missing and appends the contacts (or, with <paramref name="calendar"/>, appointments); returns the time it took.</summary>
    public static async Task<TimeSpan> ToImapAsync(PlainImap imap, string user, string password, int count, CancellationToken token, bool calendar = false)
    {
        var name = calendar ? CalendarImapFolder : ImapFolder;
        var clock = Stopwatch.StartNew();
        using var client = await imap.SignInAsync(user, password, token);
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        var folder = (await root.GetSubfoldersAsync(false, token)).FirstOrDefault(f => f.Name == name)
            ?? await root.CreateAsync(name, true, token)
            ?? throw new InvalidOperationException($"IMAP: the {name} folder could not be created");
        foreach (var chunk in Enumerable.Range(0, count).Chunk(Chunk))
        {
            IList<IAppendRequest> requests = [.. chunk.Select(i => (IAppendRequest)new AppendRequest(calendar ? EventFactory.Message(user, i) : ContactFactory.Message(user, i)))];
            await folder.AppendAsync(requests, token);
        }

        await folder.OpenAsync(FolderAccess.ReadOnly, token);
        await client.DisconnectAsync(quit: true, token);
        return clock.Elapsed;
    }

    /// <summary>Writes the appointments as <c>.ics</c> files of the user's <c>calendar</c> collection (VEVENT only).</summary>
    public static async Task<TimeSpan> CalendarToRadicaleAsync(RadicaleInstance radicale, string user, int count, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        await radicale.SeedCalendarAsync(user, "calendar", "Calendar", "VEVENT",
            Enumerable.Range(0, count).Select(i => KeyValuePair.Create(EventFactory.Uid(i), EventFactory.Ics(i))), token);
        return clock.Elapsed;
    }

    /// <summary>Writes the contacts as <c>.vcf</c> files of the user's <c>contacts</c> address book.</summary>
    public static async Task<TimeSpan> ToRadicaleAsync(RadicaleInstance radicale, string user, int count, CancellationToken token)
    {
        var clock = Stopwatch.StartNew();
        await radicale.SeedAddressBookAsync(user, "contacts", "Contacts",
            Enumerable.Range(0, count).Select(i => KeyValuePair.Create(ContactFactory.Uid(i), ContactFactory.Vcard(i))), token);
        return clock.Elapsed;
    }
}
