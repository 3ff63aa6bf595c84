package app

import (
	"context"
	"time"

	"lantoa/internal/org"
	"lantoa/internal/store"
)

// Reads the API needs beyond the pages'. The organisation is not secret:
// everyone signed in may look units up (as UnitByCode and Units allow).

// UnitLinks is a unit with the units directing it and those it directs
// directly on one day.
type UnitLinks struct {
	Unit              org.Unit
	Parents, Children []org.Unit
}

// UnitOn reads unit id with its direct links on day on.
func (s *Service) UnitOn(ctx context.Context, id org.ID, on time.Time) (UnitLinks, error) {
	on = dayOf(on)
	var v UnitLinks
	err := s.store.View(ctx, func(tx *store.Tx) error {
		var err error
		if v.Unit, err = tx.Unit(ctx, id); err != nil {
			return err
		}
		if v.Parents, err = tx.Parents(ctx, id, on); err != nil {
			return err
		}
		v.Children, err = tx.Children(ctx, id, on)
		return err
	})
	return v, err
}

// UnitBranch is a unit of the organisation tree with the units it directs
// directly. A unit with two parents appears under each.
type UnitBranch struct {
	Unit     org.Unit
	Children []UnitBranch
}

// UnitTree is the whole organisation as of day on, from the units nobody
// directs down, by name at each level.
func (s *Service) UnitTree(ctx context.Context, on time.Time) ([]UnitBranch, error) {
	on = dayOf(on)
	var out []UnitBranch
	err := s.store.View(ctx, func(tx *store.Tx) error {
		children := map[org.ID][]org.Unit{} // read once per unit, however many parents it has
		var grow func(u org.Unit, path map[org.ID]bool) (UnitBranch, error)
		grow = func(u org.Unit, path map[org.ID]bool) (UnitBranch, error) {
			b := UnitBranch{Unit: u}
			cs, ok := children[u.ID]
			if !ok {
				var err error
				if cs, err = tx.Children(ctx, u.ID, on); err != nil {
					return b, err
				}
				children[u.ID] = cs
			}
			path[u.ID] = true
			defer delete(path, u.ID)
			for _, c := range cs {
				if path[c.ID] { // the graph has no loops; this guards the walk anyway
					continue
				}
				cb, err := grow(c, path)
				if err != nil {
					return b, err
				}
				b.Children = append(b.Children, cb)
			}
			return b, nil
		}
		roots, err := tx.Roots(ctx, on)
		if err != nil {
			return err
		}
		for _, r := range roots {
			b, err := grow(r, map[org.ID]bool{})
			if err != nil {
				return err
			}
			out = append(out, b)
		}
		return nil
	})
	return out, err
}
