using Eas.Integration.Tests.Support.Schema;
using Eas.Wire.CodePages;
using Eas.Wire.Wbxml;
using static Eas.Integration.Tests.Support.Schema.Schema;
using static Eas.Wire.Wbxml.WbxmlElement;

namespace Eas.Wire.Tests.Schema;

/// <summary>The validator's rules on a small made-up model, independent of any command.</summary>
public sealed class SchemaValidatorTests
{
    // FolderCreate-shaped: a required element, then two optional ones, in that order.
    private static readonly SchemaElement Model = Node(FolderHierarchy.FolderCreate,
        Value(FolderHierarchy.Status), Value(FolderHierarchy.SyncKey).Optional(), Value(FolderHierarchy.ServerId).Optional());

    private static SchemaViolation? Check(params WbxmlElement[] children) =>
        SchemaValidator.Validate(WithChildren(FolderHierarchy.FolderCreate, children), Model);

    [Fact]
    public void A_sequence_in_order_conforms_and_optional_elements_may_be_left_out()
    {
        Check(WithText(FolderHierarchy.Status, "1"), WithText(FolderHierarchy.SyncKey, "2"), WithText(FolderHierarchy.ServerId, "3")).ShouldBeNull();
        Check(WithText(FolderHierarchy.Status, "1"), WithText(FolderHierarchy.ServerId, "3")).ShouldBeNull();
    }

    [Fact]
    public void Elements_out_of_sequence_order_are_a_wrong_order_violation_with_the_element_list()
    {
        var violation = Check(WithText(FolderHierarchy.Status, "1"), WithText(FolderHierarchy.ServerId, "3"), WithText(FolderHierarchy.SyncKey, "2")).ShouldNotBeNull();

        violation.Kind.ShouldBe(SchemaViolationKind.WrongOrder);
        violation.Path.ShouldBe("FolderCreate");
        violation.Children.ShouldBe(["FolderHierarchy:Status", "FolderHierarchy:ServerId", "FolderHierarchy:SyncKey"]);
        violation.ToString().ShouldContain("FolderHierarchy:SyncKey (child 3) is out of order");
    }

    [Fact]
    public void A_missing_required_element_is_reported_before_the_element_found_in_its_place()
    {
        var violation = Check(WithText(FolderHierarchy.SyncKey, "2")).ShouldNotBeNull();

        violation.Kind.ShouldBe(SchemaViolationKind.Missing);
        violation.Message.ShouldBe("required FolderHierarchy:Status is missing before FolderHierarchy:SyncKey (child 1)");
    }

    [Fact]
    public void An_element_beyond_its_max_occurs_is_too_many()
    {
        Check(WithText(FolderHierarchy.Status, "1"), WithText(FolderHierarchy.Status, "1")).ShouldNotBeNull().Kind.ShouldBe(SchemaViolationKind.TooMany);
    }

    [Fact]
    public void An_element_the_model_does_not_have_is_unexpected()
    {
        Check(WithText(FolderHierarchy.Status, "1"), WithText(FolderHierarchy.ParentId, "0")).ShouldNotBeNull().Kind.ShouldBe(SchemaViolationKind.Unexpected);
    }

    [Fact]
    public void A_value_element_with_children_and_a_container_with_a_value_are_wrong_content()
    {
        Check(WithChildren(FolderHierarchy.Status, WithText(FolderHierarchy.SyncKey, "1"))).ShouldNotBeNull().Kind.ShouldBe(SchemaViolationKind.WrongContent);
        SchemaValidator.Validate(WithText(FolderHierarchy.FolderCreate, "1"), Model).ShouldNotBeNull().Kind.ShouldBe(SchemaViolationKind.WrongContent);
    }

    [Fact]
    public void Another_root_than_the_commands_is_a_wrong_root()
    {
        SchemaValidator.Validate(WithChildren(FolderHierarchy.FolderSync, WithText(FolderHierarchy.Status, "1")), Model)
            .ShouldNotBeNull().Kind.ShouldBe(SchemaViolationKind.WrongRoot);
    }

    [Fact]
    public void An_all_group_takes_any_order_but_each_member_once_and_the_required_ones()
    {
        var all = Node(FolderHierarchy.FolderCreate, All(Value(FolderHierarchy.Status), Value(FolderHierarchy.SyncKey).Optional()));

        SchemaValidator.Validate(WithChildren(FolderHierarchy.FolderCreate, WithText(FolderHierarchy.SyncKey, "2"), WithText(FolderHierarchy.Status, "1")), all).ShouldBeNull();
        SchemaValidator.Validate(WithChildren(FolderHierarchy.FolderCreate, WithText(FolderHierarchy.SyncKey, "2")), all)
            .ShouldNotBeNull().Kind.ShouldBe(SchemaViolationKind.Missing);
        SchemaValidator.Validate(WithChildren(FolderHierarchy.FolderCreate, WithText(FolderHierarchy.Status, "1"), WithText(FolderHierarchy.Status, "1")), all)
            .ShouldNotBeNull().Kind.ShouldBe(SchemaViolationKind.TooMany);
    }

    [Fact]
    public void A_repeated_element_is_named_with_its_index_in_the_path()
    {
        var model = Node(FolderHierarchy.Changes, Node(FolderHierarchy.Delete, Value(FolderHierarchy.ServerId)).Many());
        var tree = WithChildren(FolderHierarchy.Changes,
            WithChildren(FolderHierarchy.Delete, WithText(FolderHierarchy.ServerId, "1")),
            WithChildren(FolderHierarchy.Delete, WithText(FolderHierarchy.ParentId, "2")));

        SchemaValidator.Validate(tree, model).ShouldNotBeNull().Path.ShouldBe("Changes/Delete[2]");
    }
}
