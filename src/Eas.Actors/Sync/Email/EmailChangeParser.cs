using System.Collections.Immutable;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using Email2Page = Eas.Wire.CodePages.Email2;
using EmailPage = Eas.Wire.CodePages.Email;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Sync.Email;

/// <summary>
/// Reads the airsync:ApplicationData of a client's Sync Change to an email (MS-ASEMAIL 3.1.5.3) into an
/// <see cref="EmailChange"/>. A client may change email:Read, email:Flag (12.0+; 2.2.2.34) and
/// email:Categories (14.0+; 2.2.2.16). Other email properties are the server's: a client that echoes them is
/// not failed for it and they are ignored, except email2:ConversationId and ConversationIndex, for which
/// MS-ASEMAIL 2.2.2.21 prescribes status 6. Anything malformed raises <see cref="EmailChangeException"/>.
/// </summary>
public static class EmailChangeParser
{
    public static EmailChange Parse(WbxmlElement applicationData, ProtocolVersion version)
    {
        var change = new EmailChange();
        foreach (var child in applicationData.Children)
        {
            switch (child.Tag)
            {
                case EmailPage.Read:
                    if (change.Read is not null) throw Duplicate(child);
                    change = change with { Read = Boolean(child) };
                    break;
                case EmailPage.Flag:
                    if (!EmailVersionRules.AllowsFlag(version)) throw NotInVersion(child, version);
                    if (change.Flag is not null) throw Duplicate(child);
                    change = change with { Flag = ParseFlag(child) };
                    break;
                case EmailPage.Categories:
                    if (!EmailVersionRules.AllowsCategories(version)) throw NotInVersion(child, version);
                    if (change.Categories is not null) throw Duplicate(child);
                    change = change with { Categories = ParseCategories(child) };
                    break;
                case Email2Page.ConversationId or Email2Page.ConversationIndex:
                    throw new EmailChangeException($"A client may not change {child.Name} (MS-ASEMAIL 2.2.2.21).", child.Name);
            }
        }

        return change;
    }

    /// <summary>
    /// email:Flag: empty means cleared. Otherwise Status is required and 0-2 (2.2.2.74); to set a flag the
    /// four start and due dates are all present or all absent, and a start never follows its due date
    /// (2.2.2.72, 2.2.2.87). A cleared flag's other children are ignored.
    /// </summary>
    private static EmailFlag ParseFlag(WbxmlElement element)
    {
        if (!element.HasChildren) return EmailFlag.Cleared;
        var seen = new HashSet<ushort>();
        EmailFlagStatus? status = null;
        var flag = new EmailFlag(EmailFlagStatus.Cleared);
        foreach (var child in element.Children)
        {
            if (!seen.Add(child.Tag)) throw Duplicate(child);
            flag = child.Tag switch
            {
                TasksPage.Subject => flag with { Subject = Text(child) },
                EmailPage.Status => flag,
                EmailPage.FlagType => flag with { FlagType = Text(child) },
                TasksPage.DateCompleted => flag with { DateCompleted = Date(child) },
                EmailPage.CompleteTime => flag with { CompleteTime = Date(child) },
                TasksPage.StartDate => flag with { StartDate = Date(child) },
                TasksPage.DueDate => flag with { DueDate = Date(child) },
                TasksPage.UtcStartDate => flag with { UtcStartDate = Date(child) },
                TasksPage.UtcDueDate => flag with { UtcDueDate = Date(child) },
                TasksPage.ReminderSet => flag with { ReminderSet = Boolean(child) },
                TasksPage.ReminderTime => flag with { ReminderTime = Date(child) },
                TasksPage.OrdinalDate => flag with { OrdinalDate = Date(child) },
                TasksPage.SubOrdinalDate => flag with { SubOrdinalDate = Text(child) },
                _ => throw new EmailChangeException($"{child.Namespace}:{child.Name} is not a child of email:Flag.", child.Name),
            };
            if (child.Tag == EmailPage.Status) status = FlagStatus(child);
        }

        if (status is not { } value) throw new EmailChangeException("email:Flag has children but no Status.", "Flag");
        if (value == EmailFlagStatus.Cleared) return EmailFlag.Cleared;
        flag = flag with { Status = value };
        CheckDates(flag);
        return flag;
    }

    private static void CheckDates(EmailFlag flag)
    {
        DateTime?[] dates = [flag.StartDate, flag.DueDate, flag.UtcStartDate, flag.UtcDueDate];
        var present = dates.Count(date => date is not null);
        if (flag.Status == EmailFlagStatus.Active && present is > 0 and < 4)
            throw new EmailChangeException("To set a flag, StartDate, DueDate, UtcStartDate and UtcDueDate are all given or none (MS-ASEMAIL 2.2.2.72).", "StartDate");
        if (flag.StartDate > flag.DueDate)
            throw new EmailChangeException("The flag's StartDate follows its DueDate (MS-ASEMAIL 2.2.2.72).", "StartDate");
        if (flag.UtcStartDate > flag.UtcDueDate)
            throw new EmailChangeException("The flag's UtcStartDate follows its UtcDueDate (MS-ASEMAIL 2.2.2.87).", "UtcStartDate");
    }

    /// <summary>email:Categories: email:Category strings; empty removes all. Repeats (ignoring case, as IMAP keywords do) are dropped.</summary>
    private static ImmutableArray<string> ParseCategories(WbxmlElement element)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var categories = ImmutableArray.CreateBuilder<string>();
        foreach (var child in element.Children)
        {
            if (child.Tag != EmailPage.Category)
                throw new EmailChangeException($"{child.Namespace}:{child.Name} is not a child of email:Categories.", child.Name);
            var category = Text(child);
            if (string.IsNullOrWhiteSpace(category)) throw new EmailChangeException("An email:Category is empty.", child.Name);
            if (seen.Add(category)) categories.Add(category);
        }

        return categories.ToImmutable();
    }

    private static EmailFlagStatus FlagStatus(WbxmlElement element) => Text(element) switch
    {
        "0" => EmailFlagStatus.Cleared,
        "1" => EmailFlagStatus.Complete,
        "2" => EmailFlagStatus.Active,
        var other => throw new EmailChangeException($"Flag Status '{other}' is not 0, 1 or 2 (MS-ASEMAIL 2.2.2.74).", element.Name),
    };

    private static bool Boolean(WbxmlElement element) => Text(element) switch
    {
        "0" => false,
        "1" => true,
        var other => throw new EmailChangeException($"{element.Name} '{other}' is not 0 or 1 (MS-ASDTYPE 2.1).", element.Name),
    };

    private static DateTime Date(WbxmlElement element) =>
        EmailDateTime.TryParse(Text(element), out var value)
            ? value
            : throw new EmailChangeException($"{element.Name} '{element.Text}' is not a date-time (MS-ASDTYPE 2.3).", element.Name);

    private static string Text(WbxmlElement element) =>
        element.HasChildren
            ? throw new EmailChangeException($"{element.Name} has child elements where a value belongs.", element.Name)
            : element.Text;

    private static EmailChangeException Duplicate(WbxmlElement element) =>
        new($"{element.Name} appears more than once.", element.Name);

    private static EmailChangeException NotInVersion(WbxmlElement element, ProtocolVersion version) =>
        new($"email:{element.Name} is not part of protocol version {version}.", element.Name);
}
