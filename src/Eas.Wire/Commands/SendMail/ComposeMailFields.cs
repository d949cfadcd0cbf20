using System.Collections.Immutable;

namespace Eas.Wire.Commands.SendMail;

/// <summary>What the three ComposeMail requests share, as <see cref="ComposeMailReader"/> reads it.</summary>
internal readonly record struct ComposeMailFields(
    string ClientId,
    ReadOnlyMemory<byte> Mime,
    string? AccountId,
    bool SaveInSentItems,
    bool ReplaceMime,
    string? TemplateId,
    ComposeMailSource? Source,
    ImmutableArray<ComposeMailForwardee> Forwardees);
