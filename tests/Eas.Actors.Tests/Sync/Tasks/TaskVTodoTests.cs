using Eas.Actors.Sync.Pim;
using Eas.Actors.Sync.Tasks;
using Eas.Wire.Http;
using static Eas.Actors.Tests.Sync.Tasks.TaskTestData;
using TasksPage = Eas.Wire.CodePages.Tasks;

namespace Eas.Actors.Tests.Sync.Tasks;

/// <summary>VTODOs written by other clients as a phone sees them (MS-ASTASK 2.2.2 from RFC 5545 3.6.2), and bad input.</summary>
public sealed class TaskVTodoTests
{
    private readonly TasksCodec codec = new();

    private TaskItem Seen(string content, ProtocolVersion? version = null) =>
        ReadBack(codec.Build(content, Context(version ?? ProtocolVersion.V161)), version ?? ProtocolVersion.V161);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 1)]
    [InlineData(6, 0)]
    [InlineData(9, 0)]
    public void MS_ASTASK_2_2_2_14_PRIORITY_maps_to_Importance(int priority, int importance)
    {
        Seen(Todo("SUMMARY:x", $"PRIORITY:{priority}")).Importance.ShouldBe(importance);
    }

    [Theory]
    [InlineData(0, "PRIORITY:9")]
    [InlineData(1, "PRIORITY:5")]
    [InlineData(2, "PRIORITY:1")]
    public void MS_ASTASK_2_2_2_14_Importance_is_written_as_PRIORITY(int importance, string expected)
    {
        codec.Create("t", Data(Text(TasksPage.Importance, importance.ToString(System.Globalization.CultureInfo.InvariantCulture))), Context(ProtocolVersion.V161)).Content.ShouldContain(expected);
    }

    [Fact]
    public void MS_ASTASK_2_2_2_14_an_Importance_outside_0_to_2_is_returned_as_sent()
    {
        var content = codec.Create("t", Data(Text(TasksPage.Importance, "7")), Context(ProtocolVersion.V161)).Content;
        Seen(content).Importance.ShouldBe(7);
    }

    [Theory]
    [InlineData("PUBLIC", 0)]
    [InlineData("X-PERSONAL", 1)]
    [InlineData("PRIVATE", 2)]
    [InlineData("CONFIDENTIAL", 3)]
    [InlineData("X-SOMETHING-ELSE", 2)]
    public void MS_ASTASK_2_2_2_24_CLASS_maps_to_Sensitivity_and_an_unknown_class_is_private(string classValue, int sensitivity)
    {
        Seen(Todo($"CLASS:{classValue}")).Sensitivity.ShouldBe(sensitivity);
    }

    [Fact]
    public void MS_ASTASK_2_2_2_12_a_due_date_with_a_TZID_gives_its_wall_time_as_DueDate_and_its_instant_as_UtcDueDate()
    {
        var task = Seen(Todo("DUE;TZID=Europe/Berlin:20261210T090000"));
        task.DueDate.ShouldBe(new DateTime(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc));
        task.UtcDueDate.ShouldBe(new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void MS_ASTASK_2_2_2_26_a_DATE_start_is_its_midnight_in_both_forms()
    {
        var task = Seen(Todo("DTSTART;VALUE=DATE:20261208", "DUE;VALUE=DATE:20261210"));
        task.StartDate.ShouldBe(new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc));
        task.UtcStartDate.ShouldBe(task.StartDate);
        task.UtcDueDate.ShouldBe(new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void MS_ASTASK_2_2_2_12_a_stale_local_form_further_than_any_zone_from_DUE_is_ignored()
    {
        var task = Seen(Todo("DUE:20261220T080000Z", "X-EAS-LOCAL-DUE:20261210T000000"));
        task.DueDate.ShouldBe(new DateTime(2026, 12, 20, 8, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void MS_ASTASK_2_2_2_23_a_relative_alarm_is_counted_from_DTSTART_or_with_RELATED_END_from_DUE()
    {
        var fromStart = Seen(Todo("DTSTART:20261208T090000Z", "DUE:20261210T090000Z", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "END:VALARM"));
        fromStart.ReminderSet.ShouldBeTrue();
        fromStart.ReminderTime.ShouldBe(new DateTime(2026, 12, 8, 8, 45, 0, DateTimeKind.Utc));
        var fromDue = Seen(Todo("DTSTART:20261208T090000Z", "DUE:20261210T090000Z", "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER;RELATED=END:-PT1H", "END:VALARM"));
        fromDue.ReminderTime.ShouldBe(new DateTime(2026, 12, 10, 8, 0, 0, DateTimeKind.Utc));
        Seen(Todo("SUMMARY:no alarm")).ReminderSet.ShouldBeFalse();
    }

    [Theory]
    [InlineData("STATUS:COMPLETED", true)]
    [InlineData("PERCENT-COMPLETE:100", true)]
    [InlineData("COMPLETED:20261201T100000Z", true)]
    [InlineData("STATUS:IN-PROCESS", false)]
    [InlineData("STATUS:NEEDS-ACTION", false)]
    public void MS_ASTASK_2_2_2_7_Complete_follows_STATUS_else_COMPLETED_or_PERCENT_COMPLETE(string line, bool complete)
    {
        var task = Seen(Todo("SUMMARY:x", line));
        task.Complete.ShouldBe(complete);
        (task.DateCompleted is not null).ShouldBe(complete);
    }

    [Fact]
    public void MS_ASTASK_2_2_2_1_an_HTML_description_goes_as_plain_text_to_a_task_phone()
    {
        var task = Seen(Todo("DESCRIPTION:plain words", "X-ALT-DESC;FMTTYPE=text/html:<p>rich</p>"));
        task.Body.Plain.ShouldBe("plain words");
    }

    [Fact]
    public void RFC_5545_3_1_broken_lines_are_dropped_and_the_rest_of_the_task_is_read()
    {
        var task = Seen(Todo("SUMMARY:survives", "this line is broken", "PRIORITY:1"));
        task.Subject.ShouldBe("survives");
        task.Importance.ShouldBe(2);
    }

    [Fact]
    public void RFC_5545_text_that_is_no_calendar_or_has_no_VTODO_is_PimContentException()
    {
        Should.Throw<PimContentException>(() => codec.Build("not an icalendar object", Context(ProtocolVersion.V161)));
        Should.Throw<PimContentException>(() => codec.Build("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VJOURNAL\r\nUID:j\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n", Context(ProtocolVersion.V161)));
    }
}
