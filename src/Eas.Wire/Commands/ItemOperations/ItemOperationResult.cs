namespace Eas.Wire.Commands.ItemOperations;

/// <summary>The outcome of one operation, in the response's Response element (MS-ASCMD 2.2.1.10), in request order.</summary>
public abstract record ItemOperationResult(ItemOperationsStatus Status);
