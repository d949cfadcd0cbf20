using Eas.Actors.Sync.Pim;
using Ical.Net.CalendarComponents;
using Eas.Wire.CodePages;
using NotesPage = Eas.Wire.CodePages.Notes;

namespace Eas.Actors.Sync.Notes;

/// <summary>
/// A note in a VJOURNAL (RFC 5545 3.6.3), both ways: Subject is SUMMARY, the body DESCRIPTION (+ X-ALT-DESC with
/// FMTTYPE=text/html for an HTML body), Categories CATEGORIES, LastModifiedDate LAST-MODIFIED (else DTSTAMP), and a
/// MessageClass other than IPM.StickyNote X-EAS-MESSAGE-CLASS. Writing touches only what changed.
/// A phone's Change (MS-ASCMD 2.2.3.24) replaces what it sent; Subject and Categories it did not send are cleared
/// (ghosting, MS-ASCMD 2.2.3.179, covers contacts and calendar only); the body it did not send is kept (MS-ASNOTE
/// 3.2.5.3: absence "is not to be interpreted as an implicit delete"); so is the MessageClass; LastModifiedDate is the
/// phone's when sent, else the time of the change.
/// </summary>
public static class NoteVJournal
{
    private const string MessageClassProperty = "X-EAS-MESSAGE-CLASS";

    public static NoteItem Read(Journal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        return new NoteItem
        {
            Subject = string.IsNullOrEmpty(journal.Summary) ? null : journal.Summary,
            Body = PimICalendar.ReadBody(journal),
            Categories = [.. journal.Categories.Where(c => !string.IsNullOrWhiteSpace(c))],
            MessageClass = PimICalendar.GetText(journal, MessageClassProperty) ?? NoteItem.StickyNote,
            LastModifiedDate = (journal.LastModified ?? journal.DtStamp) is { } modified ? DateTime.SpecifyKind(modified.AsUtc, DateTimeKind.Utc) : null,
        };
    }

    public static NoteItem Apply(NoteItem stored, NoteUpdate change, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(change);
        var sent = change.Item;
        return new NoteItem
        {
            Subject = sent.Subject,
            Categories = sent.Categories,
            Body = change.Present.Contains(AirSyncBase.Body) ? sent.Body : stored.Body,
            MessageClass = sent.MessageClass ?? stored.MessageClass,
            LastModifiedDate = change.Present.Contains(NotesPage.LastModifiedDate) && sent.LastModifiedDate is { } modified ? modified : now,
        };
    }

    public static void Write(Journal journal, NoteItem before, NoteItem after)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (after.Subject != before.Subject) journal.Summary = after.Subject!;
        if (after.Body != before.Body) PimICalendar.WriteBody(journal, after.Body);
        if (!after.Categories.SequenceEqual(before.Categories))
        {
            journal.Categories.Clear();
            foreach (var category in after.Categories) journal.Categories.Add(category);
        }

        if (after.MessageClass != before.MessageClass)
            PimICalendar.SetText(journal, MessageClassProperty, after.MessageClass is null or NoteItem.StickyNote ? null : after.MessageClass);
        if (after.LastModifiedDate != before.LastModifiedDate && after.LastModifiedDate is { } modified) journal.LastModified = PimICalendar.Utc(modified);
    }
}
