using Eas.Fuzz;

// A mutation fuzz run of the two parsers that read untrusted bytes first: the WBXML decoder and the
// request-line parser. Not part of the test suite; run it by hand (see FuzzOptions.Usage).
var options = FuzzOptions.Parse(args, out var error);
if (options is null)
{
    if (!string.IsNullOrEmpty(error)) Console.Error.WriteLine(error);
    Console.Error.WriteLine(FuzzOptions.Usage);
    return string.IsNullOrEmpty(error) ? 0 : 2;
}

return FuzzRun.Execute(options);
