namespace Eas.Mail.Pim.CalDav;

/// <summary>How a <see cref="CalDavPimStore"/> talks to its server.</summary>
public sealed record CalDavOptions
{
    /// <summary>
    /// The path segment under the calendar home of the default collection of each kind, also the one created
    /// (MKCALENDAR, RFC 4791 5.3.1) when the home holds no collection of that kind. When no collection of the kind has
    /// this name, the first one (by id) is the default.
    /// </summary>
    public string DefaultCalendarName { get; init; } = "calendar";

    /// <inheritdoc cref="DefaultCalendarName"/>
    public string DefaultTasksName { get; init; } = "tasks";

    /// <inheritdoc cref="DefaultCalendarName"/>
    public string DefaultNotesName { get; init; } = "notes";

    /// <summary>
    /// Largest response body read for one request (a PROPFIND, one page of a sync-collection report, one multiget
    /// batch); a larger one is not read, so a hostile or broken server cannot exhaust memory.
    /// </summary>
    public int MaxResponseBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Largest iCalendar object read or written.</summary>
    public int MaxObjectBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How many items one calendar-multiget REPORT asks for (RFC 4791 7.9).</summary>
    public int MultigetBatchSize { get; init; } = 100;

    /// <summary>How long one request may take before the store counts as unavailable.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
