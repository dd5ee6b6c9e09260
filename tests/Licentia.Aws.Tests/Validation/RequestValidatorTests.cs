using System.Text.Json;
using Licentia.Aws.Model;
using Licentia.Aws.Validation;

namespace Licentia.Aws.Tests.Validation;

public class RequestValidatorTests
{
    private static readonly ServiceModel LicenseManager = ServiceModel.LoadEmbedded("license-manager");

    private static ValidationResult Validate(string operation, string json) =>
        RequestValidator.Validate(LicenseManager.Operations[operation].Input!, JsonDocument.Parse(json).RootElement);

    private static ValidationResult ValidateDemo(string json) =>
        RequestValidator.Validate(DemoModel.Input, JsonDocument.Parse(json).RootElement);

    [Fact]
    public void A_valid_request_passes() =>
        Assert.True(Validate("CreateLicenseConfiguration", """{"Name":"x","LicenseCountingType":"vCPU","LicenseCount":10}""").IsValid);

    [Fact]
    public void Enum_values_are_enforced_in_aws_wording()
    {
        var result = Validate("CreateLicenseConfiguration", """{"Name":"x","LicenseCountingType":"Cores"}""");

        Assert.Equal(
            "1 validation error detected: Value 'Cores' at 'licenseCountingType' failed to satisfy constraint: Member must satisfy enum value set: [vCPU, Instance, Core, Socket]",
            result.Message);
    }

    [Fact]
    public void Missing_required_members_are_all_reported()
    {
        var result = Validate("CreateLicenseConfiguration", """{"Description":"d"}""");

        Assert.Equal(
            "2 validation errors detected: Value null at 'name' failed to satisfy constraint: Member must not be null; " +
            "Value null at 'licenseCountingType' failed to satisfy constraint: Member must not be null",
            result.Message);
    }

    [Fact]
    public void An_explicit_null_counts_as_missing()
    {
        Assert.False(Validate("CreateLicenseConfiguration", """{"Name":null,"LicenseCountingType":"Core"}""").IsValid);
        Assert.True(Validate("CreateLicenseConfiguration", """{"Name":"n","LicenseCountingType":"Core","Description":null}""").IsValid);
    }

    [Fact]
    public void Nested_members_are_named_by_their_path()
    {
        var result = Validate("CreateLicenseConfiguration", """
            {"Name":"x","LicenseCountingType":"Core","ProductInformationList":[
              {"ResourceType":"SSM_MANAGED","ProductInformationFilterList":[]},
              {"ProductInformationFilterList":[{"ProductInformationFilterComparator":"EQUALS"}]}]}
            """);

        Assert.Equal(
            [
                "Value null at 'productInformationList.2.member.resourceType' failed to satisfy constraint: Member must not be null",
                "Value null at 'productInformationList.2.member.productInformationFilterList.1.member.productInformationFilterName' failed to satisfy constraint: Member must not be null",
            ],
            result.Violations.Select(v => v.ToString()));
    }

    [Fact]
    public void Unknown_members_are_ignored() =>
        Assert.True(Validate("GetLicenseConfiguration", """{"LicenseConfigurationArn":"arn","Surprise":{"deep":[1,2]}}""").IsValid);

    [Theory]
    [InlineData("""{"MaxResults":0}""", "Value '0' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1")]
    [InlineData("""{"MaxResults":101}""", "Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100")]
    public void Integer_ranges_are_enforced(string json, string expected) =>
        Assert.Equal(expected, Assert.Single(Validate("ListLicenses", json).Violations).ToString());

    [Theory]
    [InlineData("""{"Name":"abcdef"}""", "Value 'abcdef' at 'name' failed to satisfy constraint: Member must have length less than or equal to 5")]
    [InlineData("""{"Name":"ABC"}""", "Value 'ABC' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$")]
    [InlineData("""{"Name":"a","Ratio":1.5}""", "Value '1.5' at 'ratio' failed to satisfy constraint: Member must have value less than or equal to 1")]
    [InlineData("""{"Name":"a","Ratio":1e300}""", "Value '1e300' at 'ratio' failed to satisfy constraint: Member must have value less than or equal to 1")]
    [InlineData("""{"Name":"a","Count":11}""", "Value '11' at 'count' failed to satisfy constraint: Member must have value less than or equal to 10")]
    [InlineData("""{"Name":"a","Data":"AQIDBAU="}""", "Value 'AQIDBAU=' at 'data' failed to satisfy constraint: Member must have length less than or equal to 4")]
    [InlineData("""{"Name":"a","Items":[]}""", "Value '[]' at 'items' failed to satisfy constraint: Member must have length greater than or equal to 1")]
    [InlineData("""{"Name":"a","Items":[{}]}""", "Value null at 'items.1.member.key' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"Name":"a","Names":["a","b","c"]}""", "Value '[a, b, c]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 2")]
    [InlineData("""{"Name":"a","Names":["a","B"]}""", "Value '[a, B]' at 'names' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy regular expression pattern: ^[a-z]+$]")]
    [InlineData("""{"Name":"a","Labels":{"a":"b","c":"d","e":"f"}}""", "Value '{a=b, c=d, e=f}' at 'labels' failed to satisfy constraint: Member must have length less than or equal to 2")]
    [InlineData("""{"Name":"a","Labels":{"BAD":"ok"}}""", "Value '{BAD=ok}' at 'labels' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: ^[a-z]+$]")]
    [InlineData("""{"Name":"a","Labels":{"ok":"toolong"}}""", "Value '{ok=toolong}' at 'labels' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 5]")]
    [InlineData("""{"Name":"a","Nested":{"k":{}}}""", "Value null at 'nested.k.member.key' failed to satisfy constraint: Member must not be null")]
    [InlineData("""{"Name":"a","Secret":"hunter2"}""", "Value at 'secret' failed to satisfy constraint: Member must have length less than or equal to 3")]
    public void Each_constraint_is_reported_in_aws_wording(string json, string expected) =>
        Assert.Equal(expected, Assert.Single(ValidateDemo(json).Violations).ToString());

    [Fact]
    public void A_value_breaking_several_rules_reports_each()
    {
        var result = ValidateDemo("""{"Name":""}""");

        Assert.Equal(
            "2 validation errors detected: Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
            "Value '' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z]+$",
            result.Message);
    }

    [Fact]
    public void String_length_counts_characters_not_utf16_units() =>
        Assert.True(ValidateDemo("""{"Name":"a","Secret":"😀😀😀"}""").IsValid);

    [Fact]
    public void List_element_enums_are_checked()
    {
        var result = Validate("CreateGrant", """
            {"ClientToken":"t","GrantName":"g","LicenseArn":"arn:aws:license-manager::123456789012:license:l-1",
             "Principals":["arn:aws:iam::123456789012:root"],"HomeRegion":"us-east-1","AllowedOperations":["Teleport"]}
            """);

        Assert.StartsWith(
            "1 validation error detected: Value '[Teleport]' at 'allowedOperations' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [CreateGrant,",
            result.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Name":"x","LicenseCountingType":"Core","LicenseCount":"ten"}""", "STRING_VALUE can not be converted to a Long (at 'licenseCount').")]
    [InlineData("""{"Name":5,"LicenseCountingType":"Core"}""", "NUMBER_VALUE can not be converted to a String (at 'name').")]
    [InlineData("""{"Name":{"a":1},"LicenseCountingType":"Core"}""", "Start of structure or map found where not expected (at 'name').")]
    [InlineData("""{"Name":"x","LicenseCountingType":"Core","Tags":{}}""", "Start of structure or map found where not expected (at 'tags').")]
    [InlineData("""{"Name":"x","LicenseCountingType":"Core","LicenseRules":"r"}""", "STRING_VALUE can not be converted to a List (at 'licenseRules').")]
    [InlineData("""{"Name":"x","LicenseCountingType":"Core","LicenseCountHardLimit":"true"}""", "STRING_VALUE can not be converted to a Boolean (at 'licenseCountHardLimit').")]
    public void Json_type_mismatches_are_serialization_errors(string json, string expected)
    {
        var result = Validate("CreateLicenseConfiguration", json);

        Assert.Equal(expected, result.SerializationError);
        Assert.False(result.IsValid);
    }

    [Theory]
    [InlineData("""{"Name":"a","Count":1.5}""")]
    [InlineData("""{"Name":"a","Count":3000000000}""")]
    [InlineData("""{"Name":"a","When":"2024-01-01T00:00:00Z"}""")]
    [InlineData("""{"Name":"a","Data":"not base64!"}""")]
    [InlineData("""{"Name":"a","Names":[1]}""")]
    [InlineData("""{"Name":"a","Ratio":1e400}""")]
    [InlineData("""{"Name":"a","When":1e20}""")]
    public void Values_that_cannot_be_read_as_their_type_are_serialization_errors(string json) =>
        Assert.NotNull(ValidateDemo(json).SerializationError);

    [Theory]
    [InlineData("""{"Name":"a","When":1700000000.123,"Big":9007199254740993,"Flag":false,"Ratio":"NaN"}""")]
    [InlineData("""{"Name":"a","Data":"AQID","Labels":{"a":"b"},"Items":[{"Key":"k"}]}""")]
    public void Well_typed_values_pass(string json) =>
        Assert.True(ValidateDemo(json).IsValid);
}
