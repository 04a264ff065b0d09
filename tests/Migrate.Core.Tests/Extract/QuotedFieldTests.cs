using Migrate.Core.Extract;

namespace Migrate.Core.Tests.Extract;

public sealed class QuotedFieldTests
{
    [Theory]
    [InlineData("abc", "abc")]
    [InlineData("", "")]
    [InlineData("\"\"", "")]
    [InlineData("\"a,b\"", "a,b")]
    [InlineData("\"say \"\"hi\"\"\"", "say \"hi\"")]
    [InlineData("\"\"\"\"", "\"")]
    [InlineData("\"line\r\nbreak\"", "line\r\nbreak")]
    public void Well_quoted_fields_are_unquoted(string raw, string expected)
    {
        var scratch = new char[2];
        QuotedField.Unquote(raw, ref scratch, out var value).ShouldBeNull();
        value.ToString().ShouldBe(expected);
    }

    [Theory]
    [InlineData("a\"b", "a quote inside an unquoted field")]
    [InlineData("\"山\"田", "text after a closing quote")]
    [InlineData("\"a\"b\"", "text after a closing quote")]
    [InlineData("\"abc", "a quoted field without its closing quote")]
    [InlineData("\"", "a quoted field without its closing quote")]
    public void Broken_quoting_is_named(string raw, string reason)
    {
        var scratch = new char[2];
        QuotedField.Unquote(raw, ref scratch, out _).ShouldBe(reason);
    }
}
