/**
 * The first schema of the fleet index (docs/fleet.md explains every table). Layers are keyed by
 * diff_id, so a layer shared by a thousand images is stored once; an image points at its layers
 * and holds what depends on the whole stack (the resolved link graph, the packages, file owners).
 * The link graph is kept twice: as rows (image_nodes, image_edges, image_node_owners) that SQL searches,
 * and as one compact JSON document per image (image_graphs) that rdeps loads: a thousand documents
 * read far faster than tens of thousands of rows.
 */
export const MIGRATION_0001 = `
CREATE TABLE layers (
  diff_id       text PRIMARY KEY,
  state         text NOT NULL CHECK (state IN ('claimed', 'done')),
  claimed_by    text,
  lease_until   timestamptz,
  compression   text,
  size          bigint,
  entry_count   integer,
  indexed_at    timestamptz
);

CREATE TABLE layer_entries (
  diff_id       text NOT NULL REFERENCES layers ON DELETE CASCADE,
  seq           integer NOT NULL,
  path          text NOT NULL,
  kind          text NOT NULL,
  mode          integer NOT NULL,
  uid           integer NOT NULL,
  gid           integer NOT NULL,
  size          bigint NOT NULL,
  mtime         double precision NOT NULL,
  link_target   text NOT NULL,
  uname         text NOT NULL,
  gname         text NOT NULL,
  dev_major     integer NOT NULL,
  dev_minor     integer NOT NULL,
  xattrs        jsonb,
  data_offset   bigint NOT NULL,
  header_offset bigint NOT NULL,
  real_size     bigint NOT NULL,
  PRIMARY KEY (diff_id, seq)
);
CREATE INDEX layer_entries_path ON layer_entries (path);

CREATE TABLE layer_contents (
  diff_id       text NOT NULL REFERENCES layers ON DELETE CASCADE,
  data_offset   bigint NOT NULL,
  file_size     bigint NOT NULL,
  range_offset  bigint NOT NULL,
  bytes         bytea NOT NULL,
  PRIMARY KEY (diff_id, data_offset, range_offset)
);

CREATE TABLE images (
  id            serial PRIMARY KEY,
  source        text NOT NULL,
  image_key     text NOT NULL,
  position      integer NOT NULL,
  image_id      text NOT NULL,
  raw_names     jsonb NOT NULL,
  names         jsonb NOT NULL,
  platform      text NOT NULL,
  created       text,
  config        jsonb NOT NULL,
  layer_count   integer NOT NULL,
  has_packages  boolean NOT NULL,
  indexed_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, image_key)
);
CREATE INDEX images_image_id ON images (image_id);

CREATE TABLE image_layers (
  image         integer NOT NULL REFERENCES images ON DELETE CASCADE,
  position      integer NOT NULL,
  diff_id       text NOT NULL REFERENCES layers,
  PRIMARY KEY (image, position)
);
CREATE INDEX image_layers_diff_id ON image_layers (diff_id);

CREATE TABLE image_nodes (
  image         integer NOT NULL REFERENCES images ON DELETE CASCADE,
  seq           integer NOT NULL,
  path          text NOT NULL,
  basename      text NOT NULL,
  kind          text NOT NULL,
  soname        text,
  interpreter   text,
  needed        jsonb NOT NULL,
  owners        jsonb NOT NULL,
  PRIMARY KEY (image, seq)
);
CREATE INDEX image_nodes_basename ON image_nodes (basename);
CREATE INDEX image_nodes_soname ON image_nodes (soname);

CREATE TABLE image_node_owners (
  image         integer NOT NULL REFERENCES images ON DELETE CASCADE,
  path          text NOT NULL,
  name          text NOT NULL,
  arch          text NOT NULL
);
CREATE INDEX image_node_owners_name ON image_node_owners (name);

CREATE TABLE image_edges (
  image         integer NOT NULL REFERENCES images ON DELETE CASCADE,
  seq           integer NOT NULL,
  from_path     text NOT NULL,
  to_path       text NOT NULL,
  name          text NOT NULL,
  found_via     text NOT NULL,
  PRIMARY KEY (image, seq)
);
CREATE INDEX image_edges_name ON image_edges (name);

CREATE TABLE image_graphs (
  image         integer PRIMARY KEY REFERENCES images ON DELETE CASCADE,
  graph         text NOT NULL
);

CREATE TABLE image_packages (
  image         integer NOT NULL REFERENCES images ON DELETE CASCADE,
  name          text NOT NULL,
  version       text NOT NULL,
  arch          text NOT NULL,
  manager       text NOT NULL
);
CREATE INDEX image_packages_name ON image_packages (name);
CREATE INDEX image_packages_image ON image_packages (image);
`;
