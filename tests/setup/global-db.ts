// Prepared later: creates a migrated template database that DB tests copy.
export default async function setup() {}
