"""Parallel boto3 clients (one per thread) launch one instance each against a hard limit that fits 3: exactly
3 launches pass, whatever the interleaving, and no more than the limit is ever consumed. With
LICENTIA_ENDPOINT_2 set, half of the clients talk to a second node on the same database."""
import os
import threading
import uuid

import boto3
from botocore.exceptions import ClientError

from enforcement_lib import REGION, associate, clients, configuration, consumed, equal, image_arn, register_image
from lt import NO_RETRY

THREADS = 8
LIMIT = 3
lm, ec2 = clients()
tag = uuid.uuid4().hex[:8]
arn = configuration(lm, f"race-{tag}", "Instance", LIMIT, hard=True)
image = register_image(ec2, f"race-{tag}")
associate(lm, image_arn(image), arn)

endpoints = [os.environ["LICENTIA_ENDPOINT"], os.environ.get("LICENTIA_ENDPOINT_2") or os.environ["LICENTIA_ENDPOINT"]]
start = threading.Barrier(THREADS)
outcomes = []
lock = threading.Lock()


def launch(index):
    session = boto3.session.Session()
    client = session.client("ec2", endpoint_url=endpoints[index % 2], region_name=REGION, config=NO_RETRY)
    start.wait()
    try:
        client.run_instances(ImageId=image, InstanceType="m5.large", MinCount=1, MaxCount=1)
        result = "launched"
    except ClientError as error:
        result = error.response["Error"]["Code"]
    with lock:
        outcomes.append(result)


threads = [threading.Thread(target=launch, args=(i,)) for i in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

equal(sorted(outcomes), sorted(["launched"] * LIMIT + ["LicenseLimitExceeded"] * (THREADS - LIMIT)), "outcomes of the race")
equal(consumed(lm, arn), LIMIT, "never more than the limit consumed")
running = [i for r in ec2.describe_instances(Filters=[{"Name": "image-id", "Values": [image]}])["Reservations"] for i in r["Instances"]]
equal(len(running), LIMIT, "exactly the launched instances exist")
equal(len(lm.list_failures_for_license_configuration_operations(LicenseConfigurationArn=arn)["LicenseOperationFailureList"]),
      THREADS - LIMIT, "every refusal recorded")
print("ok")
