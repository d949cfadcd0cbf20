namespace Eas.Wire.Commands.Provision;

/// <summary>How far the client applied the policy it acknowledges (Policy/Status in a request, MS-ASPROV 2.2.2.54.1).</summary>
public enum PolicyAcknowledgement
{
    /// <summary>The client applied the whole policy.</summary>
    Applied = 1,

    /// <summary>The client applied part of the policy, at least the PIN.</summary>
    PartiallyApplied = 2,

    /// <summary>The client did not apply the policy at all.</summary>
    NotApplied = 3,

    /// <summary>The client says a third party manages it.</summary>
    ExternallyManaged = 4,
}
