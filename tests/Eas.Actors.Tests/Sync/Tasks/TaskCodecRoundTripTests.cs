using System.Xml;
using System.Xml.Linq;
using Eas.Actors.Sync.Tasks;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Http;
using Eas.Wire.Tests.Oracle;
using Eas.Wire.Wbxml;
using static Eas.Actors.Tests.Sync.Tasks.TaskTestData;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Tests.Sync.Tasks;

/// <summary>Every task element (MS-ASTASK 2.2.2) phone → iCalendar → phone, for each protocol version.</summary>
public sealed class TaskCodecRoundTripTests
{
    private readonly TasksCodec codec = new();

    [Theory]
    [MemberData(nameof(Versions), MemberType = typeof(TaskTestData))]
    public void MS_ASTASK_2_2_2_every_element_round_trips_phone_to_VTODO_to_phone(string versionText)
    {
        var version = ProtocolVersion.Parse(versionText);
        var sent = FullTask(version);
        var write = codec.Create("task-1", ThroughBytes(sent), Context(version));

        var back = ReadBack(codec.Build(write.Content, Context(version)), version);

        back.ShouldBe(TaskWbxml.Read(sent, version).Item);
        back.Recurrence!.Type.ShouldBe(TaskRecurrenceType.Weekly);
        back.StartDate.ShouldBe(new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc));
        back.UtcStartDate.ShouldBe(new DateTime(2026, 12, 7, 23, 0, 0, DateTimeKind.Utc));
        write.ItemId.ShouldBe("task-1");
    }

    [Theory]
    [MemberData(nameof(Versions), MemberType = typeof(TaskTestData))]
    public void MS_ASTASK_2_2_2_7_a_task_completed_on_the_phone_is_STATUS_COMPLETED_with_COMPLETED_and_PERCENT_COMPLETE(string versionText)
    {
        var version = ProtocolVersion.Parse(versionText);
        var write = codec.Create("task-1", FullTask(version, complete: false), Context(version));
        write.Content.ShouldContain("STATUS:NEEDS-ACTION");

        var done = codec.Change("task-1", write.Content, FullTask(version, complete: true), Context(version));

        done.Content.ShouldContain("STATUS:COMPLETED");
        done.Content.ShouldContain("COMPLETED:20261206T153000Z");
        done.Content.ShouldContain("PERCENT-COMPLETE:100");
        var undone = codec.Change("task-1", done.Content, FullTask(version, complete: false), Context(version));
        undone.Content.ShouldContain("STATUS:NEEDS-ACTION");
        undone.Content.ShouldNotContain("COMPLETED:");
    }

    [Fact]
    public void MS_ASTASK_2_2_2_8_a_completion_without_DateCompleted_is_stamped_with_the_time_of_the_request()
    {
        var write = codec.Create("t", Data(Text(TasksPage.Subject, "x"), Text(TasksPage.Complete, "1")), Context(ProtocolVersion.V161));
        write.Content.ShouldContain("COMPLETED:20261207T100000Z");
    }

    /// <remarks>
    /// libwbxml 0.11 names some Tasks tokens its own way: UtcDueDate (0x0D) is UTCDueDate, UtcStartDate (0x1F)
    /// UTCStartDate, and the Recurrence children 0x10-0x1A carry a Recurrence_ prefix; the tokens are the spec's.
    /// </remarks>
    [Theory]
    [MemberData(nameof(Versions), MemberType = typeof(TaskTestData))]
    public void MS_ASTASK_2_2_2_the_built_WBXML_decodes_in_libwbxml_with_the_spec_element_names(string versionText)
    {
        var version = ProtocolVersion.Parse(versionText);
        var content = codec.Create("task-1", FullTask(version), Context(version)).Content;
        var xml = LibWbxml.Decode([WbxmlWriter.Encode(codec.Build(content, Context(version)))]).Single();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var root = XDocument.Load(reader).Root!;
        var leaves = root.Descendants().Where(e => !e.HasElements).Select(e => $"{e.Name.LocalName}={e.Value}").ToList();

        root.Name.LocalName.ShouldBe("ApplicationData");
        leaves.ShouldContain("Subject=Prepare the review");
        leaves.ShouldContain("UTCDueDate=2026-12-09T23:00:00.000Z");
        leaves.ShouldContain("DueDate=2026-12-10T00:00:00.000Z");
        leaves.ShouldContain("Complete=1");
        leaves.ShouldContain("Recurrence_DayOfWeek=10");
        leaves.ShouldContain("ReminderTime=2026-12-09T08:00:00.000Z");
        leaves.ShouldContain("Category=Q4");
        leaves.ShouldContain("ReminderSet=1");
        if (version == ProtocolVersion.V25) leaves.ShouldContain("Body=Bring the slides");
        else leaves.ShouldContain("Data=Bring the slides");
        if (version >= ProtocolVersion.V141) leaves.ShouldContain("FirstDayOfWeek=1");
        else root.Descendants().ShouldNotContain(e => e.Name.LocalName == "FirstDayOfWeek");
    }

    [Fact]
    public void MS_ASCMD_2_2_3_68_FilterType_8_keeps_only_incomplete_tasks_and_NoFilter_keeps_all()
    {
        var open = codec.Create("a", FullTask(ProtocolVersion.V161, complete: false), Context(ProtocolVersion.V161)).Content;
        var done = codec.Create("b", FullTask(ProtocolVersion.V161, complete: true), Context(ProtocolVersion.V161)).Content;

        codec.InWindow(open, SyncFilterType.IncompleteTasks, Now).ShouldBeTrue();
        codec.InWindow(done, SyncFilterType.IncompleteTasks, Now).ShouldBeFalse();
        codec.InWindow(done, SyncFilterType.NoFilter, Now).ShouldBeTrue();
        codec.Kind.ShouldBe(PimKind.Tasks);
        codec.ClassName.ShouldBe("Tasks");
        codec.RemoveInstance("b", done, "x", Context(ProtocolVersion.V161)).ShouldBeNull();
    }
}
