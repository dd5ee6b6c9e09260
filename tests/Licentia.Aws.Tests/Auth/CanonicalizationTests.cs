using Licentia.Aws.Auth;

namespace Licentia.Aws.Tests.Auth;

/// <summary>Canonicalization rules the vendored suite does not reach, mostly about input already percent-encoded.</summary>
public sealed class CanonicalizationTests
{
    [Theory]
    [InlineData("", "/")]
    [InlineData("/", "/")]
    [InlineData("/a%20b", "/a%2520b")]
    [InlineData("/%E1%88%B4", "/%25E1%2588%25B4")]
    [InlineData("/a/../b/./c//", "/b/c/")]
    [InlineData("/../..", "/")]
    [InlineData("/x+y/$z", "/x%2By/%24z")]
    public void Non_s3_paths_are_normalized_and_encoded_again(string rawPath, string expected) =>
        Assert.Equal(expected, CanonicalUri.FromRawPath(rawPath, "license-manager"));

    [Theory]
    [InlineData("/bucket/my%20key//a/../b", "/bucket/my%20key//a/../b")]
    [InlineData("", "/")]
    public void S3_paths_are_signed_as_sent(string rawPath, string expected) =>
        Assert.Equal(expected, CanonicalUri.FromRawPath(rawPath, "s3"));

    [Theory]
    [InlineData("", "")]
    [InlineData("b=2&a=1&a=0", "a=0&a=1&b=2")]
    [InlineData("Param1=value2&Param1=Value1", "Param1=Value1&Param1=value2")]
    [InlineData("x=%7e&y=~&z=%2a", "x=~&y=~&z=%2A")]
    [InlineData("flag&a=", "a=&flag=")]
    [InlineData("a=1&&b=2&", "a=1&b=2")]
    [InlineData("q=%2B&r=+&s=a%20b", "q=%2B&r=%2B&s=a%20b")]
    [InlineData("bad=%zz", "bad=%25zz")]
    [InlineData("?leading=1", "leading=1")]
    public void Query_strings_are_decoded_reencoded_and_sorted(string rawQuery, string expected) =>
        Assert.Equal(expected, CanonicalQueryString.FromRawQuery(rawQuery));

    [Fact]
    public void The_presigned_signature_is_left_out_of_the_query_it_signs() =>
        Assert.Equal("X-Amz-Date=1&a=2", CanonicalQueryString.FromRawQuery("a=2&X-Amz-Signature=abc&X-Amz-Date=1", SigV4Names.SignatureParameter));

    [Theory]
    [InlineData("  value  ", "value")]
    [InlineData("a \t  b", "a b")]
    [InlineData("\"a   b   c\"", "\"a b c\"")]
    [InlineData("value1\n  value2\r\n     value3", "value1 value2 value3")]
    [InlineData("", "")]
    public void Header_values_are_trimmed_and_whitespace_runs_folded(string value, string expected) =>
        Assert.Equal(expected, CanonicalHeaders.NormalizeValue(value));

    [Fact]
    public void Repeated_headers_join_in_arrival_order_and_missing_ones_are_empty()
    {
        var headers = new SigV4HeaderCollection { { "X-Multi", " b " }, { "x-multi", "a" } };
        Assert.Equal("x-multi:b,a\nx-absent:\n", CanonicalHeaders.Build(headers, ["x-multi", "x-absent"]));
    }

    [Theory]
    [InlineData("/path/a?x=1&y", "/path/a", "x=1&y")]
    [InlineData("/", "/", "")]
    [InlineData("/p?", "/p", "")]
    [InlineData("http://host:8080/p/a?x=1", "/p/a", "x=1")]
    [InlineData("https://host?x=1", "/", "x=1")]
    [InlineData("https://host", "/", "")]
    public void Raw_targets_split_into_path_and_query(string rawTarget, string path, string query)
    {
        var request = SigV4Request.FromRawTarget("GET", rawTarget, []);
        Assert.Equal(path, request.RawPath);
        Assert.Equal(query, request.RawQuery);
    }
}
