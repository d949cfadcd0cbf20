namespace Eas.Host.Admin;

/// <summary>GET /admin/api/diagnostics: who is traced now; accounts as account ids, DeviceIds as configured.</summary>
public sealed record DiagnosticsView(IReadOnlyList<string> TraceUsers, IReadOnlyList<string> TraceDevices);

/// <summary>PUT /admin/api/diagnostics: a list replaces the current one; a list left out or null is kept.</summary>
public sealed record DiagnosticsChangeRequest(IReadOnlyList<string>? TraceUsers, IReadOnlyList<string>? TraceDevices);
