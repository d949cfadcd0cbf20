namespace Eas.Load.Pim;

/// <summary>
/// The knobs of <c>contacts-bench</c> and <c>calendar-bench</c>: how many items of which class (<c>contacts</c> or
/// <c>calendar</c>) in which store, and how the phone syncs them.
/// </summary>
internal sealed record ContactsBenchSettings(
    int Contacts, string Store, int WindowSize, string Version, int WarmupWindows, string ServerLogLevel, string? ServerDll, bool KeepData, string Class = "contacts")
{
    public bool IsCalendar => Class == "calendar";
}
