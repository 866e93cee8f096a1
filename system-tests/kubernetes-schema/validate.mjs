// Reads a JSON array of Kubernetes resources on standard input and prints one line per resource:
//   OK <kind> <name> | INVALID <kind> <name>: <what the schema says> | NO-SCHEMA <kind> <name>
// against the JSON schemas of the Kubernetes API that the kubernetes-models package ships (required fields,
// types, formats such as quantities). Custom resources (Strimzi, ECK) have no schema here: NO-SCHEMA.
import { readFileSync } from "node:fs";

const resources = JSON.parse(readFileSync(0, "utf8"));
for (const resource of resources) {
  const [group, version] = resource.apiVersion.includes("/") ? resource.apiVersion.split("/") : [null, resource.apiVersion];
  const label = `${resource.kind} ${resource.metadata?.name}`;
  let model;
  try {
    const module = await import(`kubernetes-models/${group ? group + "/" : ""}${version}/${resource.kind}`);
    model = module[resource.kind];
  } catch (e) {
    if (e.code !== "ERR_PACKAGE_PATH_NOT_EXPORTED" && e.code !== "ERR_MODULE_NOT_FOUND") throw e;
  }
  if (!model) {
    console.log(`NO-SCHEMA ${label}`);
    continue;
  }
  try {
    new model(resource).validate();
    console.log(`OK ${label}`);
  } catch (e) {
    console.log(`INVALID ${label}: ${e.message}`);
  }
}
