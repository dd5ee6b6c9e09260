using Licentia.Aws.Model;

namespace Licentia.Aws.Tests.Validation;

/// <summary>A small hand-written model with the shape kinds License Manager lacks (blobs, doubles, sensitive, maps with limits).</summary>
internal static class DemoModel
{
    private const string Json = """
        {
          "metadata": {"apiVersion": "2020-01-01", "endpointPrefix": "demo", "protocol": "json", "serviceId": "Demo",
                       "serviceFullName": "Demo Service", "targetPrefix": "Demo", "jsonVersion": "1.1"},
          "operations": {
            "Put": {"name": "Put", "http": {"method": "POST", "requestUri": "/"}, "input": {"shape": "PutRequest"},
                    "errors": [{"shape": "ValidationException"}]}
          },
          "shapes": {
            "PutRequest": {"type": "structure", "required": ["Name"], "members": {
              "Name": {"shape": "Name"}, "Count": {"shape": "Count"}, "Ratio": {"shape": "Ratio"}, "Data": {"shape": "Data"},
              "Labels": {"shape": "Labels"}, "Secret": {"shape": "Secret"}, "Items": {"shape": "Items"}, "When": {"shape": "When"},
              "Names": {"shape": "Names"}, "Flag": {"shape": "Flag"}, "Big": {"shape": "Big"}, "Nested": {"shape": "NestedMap"}}},
            "Name": {"type": "string", "min": 1, "max": 5, "pattern": "^[a-z]+$"},
            "Count": {"type": "integer", "min": 1, "max": 10},
            "Ratio": {"type": "double", "min": 0, "max": 1},
            "Data": {"type": "blob", "max": 4},
            "Labels": {"type": "map", "key": {"shape": "Name"}, "value": {"shape": "Name"}, "max": 2},
            "NestedMap": {"type": "map", "key": {"shape": "Free"}, "value": {"shape": "Item"}},
            "Secret": {"type": "string", "max": 3, "sensitive": true},
            "Items": {"type": "list", "member": {"shape": "Item"}, "min": 1},
            "Item": {"type": "structure", "required": ["Key"], "members": {"Key": {"shape": "Name"}}},
            "When": {"type": "timestamp"},
            "Names": {"type": "list", "member": {"shape": "Name"}, "max": 2},
            "Flag": {"type": "boolean"},
            "Big": {"type": "long"},
            "Free": {"type": "string"},
            "ValidationException": {"type": "structure", "members": {"message": {"shape": "Free"}}, "exception": true}
          }
        }
        """;

    public static ServiceModel Model { get; } = ServiceModel.Parse("demo", System.Text.Encoding.UTF8.GetBytes(Json));

    public static ShapeModel Input => Model.Operations["Put"].Input!;
}
