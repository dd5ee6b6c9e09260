"""ClientToken on EC2 through boto3: a retried launch is answered again without launching twice."""
import uuid

from enforcement_lib import clients, equal, register_image
from lt import expect_error

lm, ec2 = clients()
tag = uuid.uuid4().hex[:8]
image = register_image(ec2, f"idem-{tag}")
token = f"launch-{tag}"

first = ec2.run_instances(ImageId=image, InstanceType="t3.micro", MinCount=1, MaxCount=1, ClientToken=token)
retry = ec2.run_instances(ImageId=image, InstanceType="t3.micro", MinCount=1, MaxCount=1, ClientToken=token)
equal(retry["ReservationId"], first["ReservationId"], "the retry answers with the same reservation")
equal([i["InstanceId"] for i in retry["Instances"]], [i["InstanceId"] for i in first["Instances"]], "and the same instance")

launched = [i["InstanceId"] for r in ec2.describe_instances(Filters=[{"Name": "image-id", "Values": [image]}])["Reservations"]
            for i in r["Instances"]]
equal(len(launched), 1, "only one instance exists")

expect_error("IdempotentParameterMismatch", ec2.run_instances, ImageId=image, InstanceType="t3.large", MinCount=1, MaxCount=1,
             ClientToken=token, contains=token)
print("ok")
