using Eas.Actors.Sync.Pim;
using Eas.Mail.Pim;
using Eas.Wire.Commands.Sync;
using Eas.Wire.Wbxml;

namespace Eas.Actors.Tests.Sync.Pim;

/// <summary>A codec that only names its kind and class, for registry and folder tests.</summary>
internal sealed class StandInCodec(PimKind kind, string className) : IPimItemCodec
{
    public PimKind Kind => kind;

    public string ClassName => className;

    public WbxmlElement Build(string content, PimCodecContext context) => throw new NotSupportedException();

    public PimWrite Create(string newId, WbxmlElement applicationData, PimCodecContext context) => throw new NotSupportedException();

    public PimWrite Change(string itemId, string? storedContent, WbxmlElement applicationData, PimCodecContext context) => throw new NotSupportedException();

    public PimWrite? RemoveInstance(string itemId, string storedContent, string instanceId, PimCodecContext context) => null;

    public bool InWindow(string content, SyncFilterType filter, DateTimeOffset now) => true;
}
