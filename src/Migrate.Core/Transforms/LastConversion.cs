namespace Migrate.Core.Transforms;

/// <summary>
/// A conversion that depends on the value alone, remembering its last input and result: consecutive
/// history rows of one person repeat most values, and a new string per row was most of what such a
/// transform cost. Belongs to one transform instance (one row loop at a time).
/// </summary>
internal sealed class LastConversion(Func<string, string> convert)
{
    private string? _input;
    private string _output = "";

    public string Of(string input)
    {
        if (!string.Equals(input, _input, StringComparison.Ordinal))
        {
            _output = convert(input);
            _input = input;
        }
        return _output;
    }
}
