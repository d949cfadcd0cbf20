namespace Eas.Actors.Sync.Email;

/// <summary>
/// A follow-up flag (email:Flag, MS-ASEMAIL 2.2.2.34; 12.0+), used both ways: the server writes it from
/// IMAP <c>\Flagged</c>, and <see cref="EmailChangeParser"/> reads it from a client's Change. Times are UTC;
/// the tasks:StartDate and tasks:DueDate values are the client's local times and are kept as given. To set a
/// flag, the four start and due dates are either all present or all absent (MS-ASEMAIL 2.2.2.72, 2.2.2.87).
/// </summary>
/// <param name="Status">Cleared, complete or active (email:Status, 2.2.2.74).</param>
public sealed record EmailFlag(EmailFlagStatus Status)
{
    /// <summary>
    /// The FlagType this server writes for an IMAP flag: MS-ASEMAIL 2.2.2.35 says the value is customizable
    /// and commonly "Flag for follow up".
    /// </summary>
    public const string FollowUpType = "Flag for follow up";

    /// <summary>An active flag with no dates, which is all an IMAP <c>\Flagged</c> says.</summary>
    public static EmailFlag FollowUp { get; } = new(EmailFlagStatus.Active) { FlagType = FollowUpType };

    /// <summary>No flag; written as an empty <c>&lt;Flag/&gt;</c> (MS-ASEMAIL 2.2.2.34).</summary>
    public static EmailFlag Cleared { get; } = new(EmailFlagStatus.Cleared);

    /// <summary>The flag's task subject (tasks:Subject, 2.2.2.75.2).</summary>
    public string? Subject { get; init; }

    /// <summary>The flag's type, e.g. "Flag for follow up" (email:FlagType, 2.2.2.35).</summary>
    public string? FlagType { get; init; }

    /// <summary>When the flagged item was completed (tasks:DateCompleted, 2.2.2.23).</summary>
    public DateTime? DateCompleted { get; init; }

    /// <summary>When the flag was marked complete; needed to complete a flag (email:CompleteTime, 2.2.2.19).</summary>
    public DateTime? CompleteTime { get; init; }

    /// <summary>When work on the item starts, local time (tasks:StartDate, 2.2.2.72).</summary>
    public DateTime? StartDate { get; init; }

    /// <summary>When the item is due, local time (tasks:DueDate, 2.2.2.31).</summary>
    public DateTime? DueDate { get; init; }

    /// <summary>The start date in UTC (tasks:UtcStartDate, 2.2.2.87).</summary>
    public DateTime? UtcStartDate { get; init; }

    /// <summary>The due date in UTC (tasks:UtcDueDate, 2.2.2.86).</summary>
    public DateTime? UtcDueDate { get; init; }

    /// <summary>Whether a reminder is set (tasks:ReminderSet, 2.2.2.64).</summary>
    public bool? ReminderSet { get; init; }

    /// <summary>When the reminder fires (tasks:ReminderTime, 2.2.2.65).</summary>
    public DateTime? ReminderTime { get; init; }

    /// <summary>The time the flag was set, used for sorting (tasks:OrdinalDate, 2.2.2.56).</summary>
    public DateTime? OrdinalDate { get; init; }

    /// <summary>A sort key among flags with the same ordinal date (tasks:SubOrdinalDate, 2.2.2.76).</summary>
    public string? SubOrdinalDate { get; init; }
}
