using Migrate.Core.Extract.Database;

namespace Migrate.Core.Tests.Extract;

/// <summary>One rendering of each value type, whichever driver produced it, so mappings give identical output on every database.</summary>
public sealed class DatabaseValueFormatterTests
{
    public static TheoryData<object?, string> Values => new()
    {
        { null, "" },
        { DBNull.Value, "" },
        { "山田　太郎 ", "山田　太郎 " },
        { 42L, "42" },
        { -7, "-7" },
        { (short)3, "3" },
        { (byte)255, "255" },
        { 1234.50m, "1234.50" },
        { 0.000001m, "0.000001" },
        { 1e20, "100000000000000000000" },
        { 1.5e-7, "0.00000015" },
        { -2.25, "-2.25" },
        { 0.5f, "0.5" },
        { true, "1" },
        { false, "0" },
        { new DateTime(1985, 4, 1), "1985-04-01" },
        { new DateTime(1985, 4, 1, 13, 5, 9), "1985-04-01T13:05:09" },
        { new DateTime(1985, 4, 1, 13, 5, 9, 250), "1985-04-01T13:05:09.25" },
        { new DateOnly(2019, 5, 1), "2019-05-01" },
        { new TimeOnly(8, 30), "08:30:00" },
        { new DateTimeOffset(2020, 1, 2, 3, 4, 5, TimeSpan.FromHours(9)), "2020-01-02T03:04:05+09:00" },
        { Guid.Parse("6F9619FF-8B86-D011-B42D-00C04FC964FF"), "6f9619ff-8b86-d011-b42d-00c04fc964ff" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Values_are_rendered_canonically(object? value, string expected)
    {
        DatabaseValueFormatter.TryFormat(value, out var text).ShouldBeTrue();
        text.ShouldBe(expected);
    }

    [Fact]
    public void Binary_values_are_refused()
    {
        DatabaseValueFormatter.TryFormat(new byte[] { 0, 255 }, out _).ShouldBeFalse();
    }
}
