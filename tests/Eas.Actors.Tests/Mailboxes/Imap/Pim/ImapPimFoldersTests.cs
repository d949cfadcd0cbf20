using Eas.Actors.Mailboxes.Imap.Pim;

namespace Eas.Actors.Tests.Mailboxes.Imap.Pim;

/// <summary>Which IMAP folders the email hierarchy leaves out because they hold contacts (issue 15: the PIM folders are not mail).</summary>
public sealed class ImapPimFoldersTests
{
    private static readonly ImapPimOptions Options = ImapPimOptions.Default;

    [Theory]
    [InlineData("Contacts", '/', true)]
    [InlineData("Contacts/Work", '/', true)]
    [InlineData("Contacts/Work/Team", '/', true)]
    [InlineData("Contacts", null, true)]
    [InlineData("Contacts/Work", null, false)]
    [InlineData("ContactsOld", '/', false)]
    [InlineData("Contacts.Work", '/', false)]
    [InlineData("Contacts/", '/', false)]
    [InlineData("contacts", '/', false)]
    [InlineData("INBOX", '/', false)]
    [InlineData("INBOX/Contacts", '/', false)]
    public void RFC_3501_5_1_the_contacts_folder_and_those_below_it_are_PIM_folders(string name, char? delimiter, bool expected) =>
        ImapPimFolders.IsPimFolder(name, delimiter, Options).ShouldBe(expected);

    [Fact]
    public void A_configured_contacts_folder_is_the_root_instead()
    {
        var options = new ImapPimOptions("INBOX.Kontakte");

        ImapPimFolders.IsPimFolder("INBOX.Kontakte", '.', options).ShouldBeTrue();
        ImapPimFolders.IsPimFolder("INBOX.Kontakte.Privat", '.', options).ShouldBeTrue();
        ImapPimFolders.IsPimFolder("Contacts", '.', options).ShouldBeFalse();
        ImapPimFolders.IsPimFolder("INBOX", '.', options).ShouldBeFalse();
    }
}
