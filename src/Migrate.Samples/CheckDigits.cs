namespace Migrate.Samples;

/// <summary>Check-digit rules used by the sample data (see shared/domain.md).</summary>
internal static class CheckDigits
{
    /// <summary>
    /// 宛名番号・世帯番号: modulus 11 over the 9-digit base, weights 2,3,4,5,6,7,2,3,4 from the right;
    /// check = 11 − (sum mod 11), and a result of 10 or 11 (remainder 1 or 0) becomes 0.
    /// </summary>
    public static int Modulus11(long base9)
    {
        int sum = 0;
        int weight = 2;
        long v = base9;
        for (int i = 0; i < 9; i++)
        {
            sum += (int)(v % 10) * weight;
            v /= 10;
            weight = weight == 7 ? 2 : weight + 1;
        }

        int check = 11 - (sum % 11);
        return check >= 10 ? 0 : check;
    }

    /// <summary>The 10-digit number: base9 followed by its modulus-11 check digit.</summary>
    public static long WithModulus11(long base9) => (base9 * 10) + Modulus11(base9);

    /// <summary>個人番号: weights 6,5,4,3,2,7,6,5,4,3,2 over the first 11 digits left to right; remainder 0 or 1 → 0.</summary>
    public static int MyNumber(long base11)
    {
        int sum = 0;
        long v = base11;
        for (int n = 1; n <= 11; n++)
        {
            int weight = n <= 6 ? n + 1 : n - 5;
            sum += (int)(v % 10) * weight;
            v /= 10;
        }

        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    /// <summary>The 12-digit 個人番号: base11 followed by its check digit.</summary>
    public static long WithMyNumber(long base11) => (base11 * 10) + MyNumber(base11);

    /// <summary>全国地方公共団体コード: r = (6a+5b+4c+3d+2e) mod 11; check = (11 − r) mod 10.</summary>
    public static int LocalGovernment(int code5)
    {
        int sum = 0;
        int v = code5;
        for (int weight = 2; weight <= 6; weight++)
        {
            sum += (v % 10) * weight;
            v /= 10;
        }

        return (11 - (sum % 11)) % 10;
    }
}
