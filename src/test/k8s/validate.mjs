// Validates every document of a kustomize build (YAML on stdin) against the Kubernetes models' JSON schemas.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

const docs = yaml.loadAll(readFileSync(0, "utf8")).filter(Boolean);
let bad = 0;
for (const doc of docs) {
  const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : ["", doc.apiVersion];
  const path = `kubernetes-models/${group === "" ? "" : group + "/"}${version}/${doc.kind}`;
  const { [doc.kind]: Model } = await import(path);
  try {
    new Model(doc).validate();
    console.log(`ok ${doc.kind}/${doc.metadata.name}`);
  } catch (e) {
    bad++;
    console.log(`INVALID ${doc.kind}/${doc.metadata.name}: ${e.message}`);
  }
}
console.log(`${docs.length - bad} valid, ${bad} invalid`);
process.exit(bad === 0 && docs.length > 0 ? 0 : 1);
