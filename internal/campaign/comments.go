package campaign

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// CommentedYAML encodes the campaign with the comments of the embedded
// default that explain each rule — the file's head, each setting's, each
// KPI's and award rule's (matched by code) — and its short lists written
// on one line as there, so that an exported campaign can be edited with
// the explanations at hand. An organisation (now a workspace setting,
// kpi settings) is kept when the campaign has one, said to be the default
// of the setting.
func (c *Campaign) CommentedYAML() ([]byte, error) {
	var out yaml.Node
	if err := out.Encode(c); err != nil {
		return nil, err
	}
	var def yaml.Node
	if err := yaml.Unmarshal(defaultYAML, &def); err != nil {
		return nil, err
	}
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{&out}, HeadComment: def.HeadComment}
	if len(def.Content) == 1 {
		copyComments(&out, def.Content[0])
	}
	for i := 0; i+1 < len(out.Content); i += 2 {
		if out.Content[i].Value == "organisation" {
			out.Content[i].HeadComment = "# the issuing office printed on documents: now a workspace setting\n" +
				"# (kpi settings set organisation …); this is its default until set"
		}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// copyComments gives dst, an encoded campaign's node, the comments and
// the flow style of src, the default's node at the same place: mapping
// keys by name, sequence items by their code (else by position).
func copyComments(dst, src *yaml.Node) {
	if dst == nil || src == nil || dst.Kind != src.Kind {
		return
	}
	dst.HeadComment, dst.LineComment, dst.FootComment = src.HeadComment, src.LineComment, src.FootComment
	switch dst.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(dst.Content); i += 2 {
			for j := 0; j+1 < len(src.Content); j += 2 {
				if src.Content[j].Value == dst.Content[i].Value {
					copyComments(dst.Content[i], src.Content[j])
					copyComments(dst.Content[i+1], src.Content[j+1])
					break
				}
			}
		}
	case yaml.SequenceNode:
		dst.Style |= src.Style & yaml.FlowStyle
		for i, item := range dst.Content {
			if m := itemLike(item, src.Content, i); m != nil {
				copyComments(item, m)
			}
		}
	}
}

// itemLike is the item of a sequence that matches item: the one with the
// same code, or for items without one the item at the same position.
func itemLike(item *yaml.Node, items []*yaml.Node, i int) *yaml.Node {
	code := codeOf(item)
	if code == "" {
		if i < len(items) && codeOf(items[i]) == "" {
			return items[i]
		}
		return nil
	}
	for _, s := range items {
		if codeOf(s) == code {
			return s
		}
	}
	return nil
}

// codeOf is the value of a mapping's "code" key, "" when it has none.
func codeOf(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "code" {
			return n.Content[i+1].Value
		}
	}
	return ""
}
