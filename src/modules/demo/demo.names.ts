// Names the demo customers are drawn from: common French first and last names across
// generations, a few Belgian and Québécois ones, and English speakers living in France.

export const frenchFemaleFirstNames = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Laura', 'Pauline',
  'Marie', 'Anne', 'Isabelle', 'Nathalie', 'Sandrine', 'Sophie', 'Céline', 'Valérie', 'Stéphanie', 'Christine',
  'Sylvie', 'Catherine', 'Martine', 'Monique', 'Françoise', 'Brigitte', 'Élodie', 'Aurélie', 'Émilie', 'Mélanie',
  'Claire', 'Charlotte', 'Lucie', 'Margaux', 'Alice', 'Juliette', 'Zoé', 'Louise', 'Jeanne', 'Agnès',
  'Hélène', 'Véronique', 'Patricia', 'Karine', 'Virginie', 'Delphine', 'Audrey', 'Amandine', 'Yasmine', 'Nadia',
  'Fatima', 'Samia', 'Leïla', 'Anaïs', 'Océane', 'Justine', 'Marion', 'Gaëlle', 'Solène', 'Bérénice',
] as const;

export const frenchMaleFirstNames = [
  'Nicolas', 'Julien', 'Thomas', 'Maxime', 'Alexandre', 'Antoine', 'Kevin', 'Romain', 'Guillaume', 'Sébastien',
  'Jérôme', 'Christophe', 'Stéphane', 'Frédéric', 'Laurent', 'Olivier', 'Philippe', 'Patrick', 'Thierry', 'Pascal',
  'Éric', 'Didier', 'Bernard', 'Michel', 'Jean-Pierre', 'Jean-Luc', 'Alain', 'Gérard', 'Hugo', 'Lucas',
  'Louis', 'Arthur', 'Théo', 'Mathis', 'Nathan', 'Quentin', 'Benoît', 'François', 'Yannick', 'Cédric',
  'Fabrice', 'Damien', 'Mickaël', 'Vincent', 'Grégory', 'Arnaud', 'Xavier', 'Mehdi', 'Karim', 'Rachid',
  'Youssef', 'Samir', 'Hervé', 'Gilles', 'Joël', 'Loïc', 'Gaëtan', 'Raphaël', 'Baptiste', 'Florian',
] as const;

export const frenchLastNames = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Hoarau', 'Le Gall', 'Le Goff', 'Kerbrat', 'Haddad', 'Benali', 'Bouzid', 'Nguyen', 'Da Silva', 'Ferreira',
  'Klein', 'Weber', 'Schneider', 'Hoffmann', 'Wagner', 'Koenig', 'Becker', 'Fischer', 'Bauer', 'Zimmermann',
] as const;

/** Common in Wallonia and Brussels. */
export const belgianLastNames = [
  'Peeters', 'Janssens', 'Maes', 'Dupuis', 'Lejeune', 'Renard', 'Claes', 'Wouters', 'Lambotte', 'Delvaux',
  'Goossens', 'Hermans', 'Dubois', 'Jacobs', 'Mertens', 'Willems', 'Collard', 'Henrard', 'Thiry', 'Piron',
] as const;

/** Common in Québec. */
export const quebecLastNames = [
  'Tremblay', 'Gagnon', 'Roy', 'Côté', 'Bouchard', 'Gauthier', 'Morin', 'Lavoie', 'Fortin', 'Gagné',
  'Ouellet', 'Pelletier', 'Bélanger', 'Lévesque', 'Bergeron', 'Leblanc', 'Paquette', 'Girard', 'Simard', 'Boucher',
] as const;

export const quebecFirstNames = [
  'Mathieu', 'Jean-François', 'Étienne', 'Maxime', 'Gabriel', 'Samuel', 'Olivier', 'Félix',
  'Geneviève', 'Marie-Ève', 'Catherine', 'Véronique', 'Audrey-Anne', 'Josée', 'Chantal', 'Mélissa',
] as const;

export const englishFirstNames = [
  'Emily', 'Sarah', 'Charlotte', 'Hannah', 'Olivia', 'Rachel', 'Kate', 'Megan', 'Fiona', 'Claire',
  'James', 'Oliver', 'Jack', 'Thomas', 'Daniel', 'Matthew', 'Andrew', 'Mark', 'Patrick', 'Simon',
] as const;

export const englishLastNames = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Walker', 'Wright', 'Thompson',
  'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Clarke', 'Murphy', 'Kelly', 'Carter', 'Bennett',
] as const;

/** Landscapers, fleets, small businesses: the few customers buying for a company. */
export const companies = [
  'Paysages Morel SARL', 'Les Jardins de Sologne', 'Ambulances Vidal', 'Taxi Rousseau', 'Boulangerie Lemaire',
  'Gîtes du Val de Loire', 'Camping Les Pins', 'Cabinet Dufour & Associés', 'Élagage Bourgeois', 'Transports Caron',
] as const;

/** Reserved example domains (RFC 2606): demo addresses never reach a real mailbox. */
export const emailDomains = ['example.com', 'example.net', 'example.org'] as const;

/** What an agent may have noted on a customer's file. */
export const customerNotes = [
  'Client fidèle depuis de nombreuses années, carte Privilège.',
  'Préfère être contacté par téléphone après 18h.',
  'Malentendant : privilégier l’écrit (e-mail ou SMS).',
  'Paysagiste professionnel : achats en volume, interlocuteur du compte pro.',
  'A déjà bénéficié d’un geste commercial (bon de 20 €) l’an dernier.',
  'Gestionnaire de flotte : plusieurs véhicules suivis en concession.',
  'Client exigeant mais de bonne foi ; garder un ton très factuel.',
] as const;
