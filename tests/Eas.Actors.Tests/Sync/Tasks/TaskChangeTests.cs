using Eas.Actors.Sync.Pim;
using Eas.Actors.Sync.Tasks;
using Eas.Wire.CodePages;
using Eas.Wire.Http;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Tasks.TaskTestData;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Tests.Sync.Tasks;

/// <summary>A phone's Change of a task (MS-ASCMD 2.2.3.24; 2.2.3.179 ghosting, which covers contacts and calendar only).</summary>
public sealed class TaskChangeTests
{
    private readonly TasksCodec codec = new();

    private static readonly string Stored = Todo(
        "SUMMARY:old", "DESCRIPTION:long notes", "CATEGORIES:Home", "PRIORITY:1", "CLASS:PRIVATE",
        "DUE:20261210T090000Z", "X-EAS-ORDINAL-DATE:20261201T000000Z",
        "GEO:52.5;13.4", "X-OTHER-CLIENT;X-P=1:keep me", "ATTENDEE;CN=Ann:mailto:ann@example.org");

    [Fact]
    public void MS_ASCMD_2_2_3_179_without_ghosting_an_element_the_phone_did_not_send_is_cleared()
    {
        var changed = codec.Change("t1", Stored, Data(Text(TasksPage.Subject, "new"), Text(TasksPage.Complete, "0")), Context(ProtocolVersion.V161));
        var task = ReadBack(codec.Build(changed.Content, Context(ProtocolVersion.V161)), ProtocolVersion.V161);

        task.Subject.ShouldBe("new");
        task.Categories.ShouldBeEmpty();
        task.Importance.ShouldBeNull();
        task.Sensitivity.ShouldBeNull();
        task.UtcDueDate.ShouldBeNull();
        task.OrdinalDate.ShouldBeNull();
    }

    [Fact]
    public void MS_ASCMD_2_2_3_179_a_Supported_list_is_not_consulted_for_tasks()
    {
        var context = Context(ProtocolVersion.V141) with { Supported = new HashSet<ushort> { TasksPage.Subject } };
        var changed = codec.Change("t1", Stored, Data(Text(TasksPage.Subject, "new"), Text(TasksPage.Complete, "0")), context);
        changed.Content.ShouldNotContain("CATEGORIES");
    }

    [Fact]
    public void MS_ASNOTE_3_2_5_3_a_body_the_phone_did_not_send_is_kept_and_an_empty_one_clears_it()
    {
        var kept = codec.Change("t1", Stored, Data(Text(TasksPage.Subject, "new"), Text(TasksPage.Complete, "0")), Context(ProtocolVersion.V161)).Content;
        kept.ShouldContain("DESCRIPTION:long notes");

        var empty = WbxmlElement.WithChildren(AirSyncBase.Body, Text(AirSyncBase.Type, "1"), Text(AirSyncBase.Data, ""));
        var cleared = codec.Change("t1", kept, Data(Text(TasksPage.Complete, "0"), empty), Context(ProtocolVersion.V161)).Content;
        cleared.ShouldNotContain("DESCRIPTION");
    }

    [Fact]
    public void MS_ASTASK_2_2_2_elements_the_phones_version_lacks_are_kept()
    {
        var changed = codec.Change("t1", Stored, Data(Text(TasksPage.Subject, "new"), Text(TasksPage.Complete, "0")), Context(ProtocolVersion.V25)).Content;
        changed.ShouldContain("X-EAS-ORDINAL-DATE:20261201T000000Z");
    }

    [Fact]
    public void RFC_5545_properties_the_phone_never_sees_survive_its_change()
    {
        var changed = codec.Change("t1", Stored, FullTask(ProtocolVersion.V161), Context(ProtocolVersion.V161)).Content;

        changed.ShouldContain("GEO:52.5");
        changed.ShouldContain("X-OTHER-CLIENT;X-P=1:keep me");
        changed.ShouldContain("ATTENDEE;CN=Ann:mailto:ann@example.org");
        changed.ShouldContain("UID:t1");
        changed.ShouldContain("SUMMARY:Prepare the review");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_24_a_change_to_an_unreadable_stored_task_starts_from_an_empty_task()
    {
        var changed = codec.Change("t1", "garbage without a calendar", Data(Text(TasksPage.Subject, "fresh"), Text(TasksPage.Complete, "0")), Context(ProtocolVersion.V161));
        changed.Content.ShouldContain("SUMMARY:fresh");
        changed.Content.ShouldContain("UID:t1");
        codec.Change("t2", null, Data(Text(TasksPage.Subject, "fresh")), Context(ProtocolVersion.V161)).Content.ShouldContain("UID:t2");
    }

    [Fact]
    public void MS_ASTASK_2_2_2_12_unchanged_dates_keep_their_stored_form()
    {
        var stored = Todo("SUMMARY:x", "DUE;TZID=Europe/Berlin:20261210T090000");
        var seen = codec.Build(stored, Context(ProtocolVersion.V161));
        var edited = Edited(seen, Text(TasksPage.Subject, "y"));

        codec.Change("t1", stored, ThroughBytes(edited), Context(ProtocolVersion.V161)).Content.ShouldContain("DUE;TZID=Europe/Berlin:20261210T090000");
    }
}
